package gov.envgov.permit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Domain code (aggregates, events) stays free of web and persistence; controllers never touch repositories. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gov.envgov.permit");

    @Test
    void aggregatesAndEventsKnowNoWebOrPersistence() {
        noClasses().that().haveSimpleNameEndingWith("Enterprise")
                .or().haveSimpleNameEndingWith("Registered").or().haveSimpleNameEndingWith("Changed")
                .or().haveSimpleNameEndingWith("Snapshot")
                .or().haveSimpleNameEndingWith("Permit").or().haveSimpleNameEndingWith("PermitContent")
                .or().haveSimpleNameEndingWith("PermitEvent").or().haveSimpleNameEndingWith("ExecutionReport")
                .or().haveSimpleNameEndingWith("Registration").or().haveSimpleNameEndingWith("Episode")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.r2dbc..", "org.springframework.data..", "io.r2dbc..")
                .check(classes);
    }

    @Test
    void controllersGoThroughServicesNotRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
        classes().that().haveSimpleNameEndingWith("Controller").should().notBePublic().check(classes);
    }
}
