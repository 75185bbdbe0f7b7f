package gov.envgov.credit.ledger;

/** How a record came in: from another service's event feed, or entered by a credit officer with evidence. */
public enum RecordOrigin {
    FEED, MANUAL
}
