package gov.envgov.support.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DomainPackageTest {

    @Test
    void domainRefusalsKnowNothingOfHttpOrSpring() {
        noClasses().that().resideInAPackage("gov.envgov.support.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "io.netty..", "reactor.netty..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("gov.envgov.support.domain"));
    }
}
