package gov.envgov.complaint.complaint;

/** What the complaint is about. */
public enum Category {
    AIR, WATER, NOISE, SOLID_WASTE, ODOUR, RADIATION, ECOLOGY, OTHER
}
