package gov.envgov.permit.enterprise;

/** How an import went: how many were new and how many were already registered. */
public record ImportResult(int registered, int alreadyRegistered) {
}
