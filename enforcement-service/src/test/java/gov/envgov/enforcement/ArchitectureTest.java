package gov.envgov.enforcement;

import gov.envgov.support.testing.ServiceArchitecture;

/** The platform's architecture rules, kept by this service. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("gov.envgov.enforcement");
    }
}
