package gov.envgov.support.security;

/** Keycloak realm roles of the envgov realm, as Spring Security role names (without the ROLE_ prefix). */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String HOTLINE_OPERATOR = "hotline_operator";
    public static final String COMPLAINT_HANDLER = "complaint_handler";
    public static final String ENTERPRISE = "enterprise";
    public static final String PERMIT_REVIEWER = "permit_reviewer";
    public static final String INSPECTOR = "inspector";
    public static final String LEGAL_REVIEWER = "legal_reviewer";
    public static final String CREDIT_OFFICER = "credit_officer";
    public static final String ADMIN = "admin";
    /** The services' own accounts: they read each other's internal event feeds ({@code /internal/**}). */
    public static final String SERVICE = "service";
    /** An external monitoring system's account: it sends online-monitoring readings and nothing else. */
    public static final String MONITORING_SENDER = "monitoring_sender";

    /** Bureau staff of any kind: everyone who works cases rather than files them. */
    public static final String[] STAFF = {HOTLINE_OPERATOR, COMPLAINT_HANDLER, PERMIT_REVIEWER, INSPECTOR,
            LEGAL_REVIEWER, CREDIT_OFFICER, ADMIN};

    /**
     * Every role a person signs in with (citizens, enterprises, staff). A path no rule names is open to these only,
     * never to the machine accounts ({@link #SERVICE}, {@link #MONITORING_SENDER}) or to a token without a role.
     */
    public static final String[] PEOPLE = {CITIZEN, ENTERPRISE, HOTLINE_OPERATOR, COMPLAINT_HANDLER, PERMIT_REVIEWER,
            INSPECTOR, LEGAL_REVIEWER, CREDIT_OFFICER, ADMIN};

    private Roles() {
    }
}
