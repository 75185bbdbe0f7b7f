package gov.envgov.support.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture rules every service keeps, in one place: a service's {@code ArchitectureTest} extends this with
 * its base package. Layers are told apart by what the code is: Spring beans and web types (controllers, their
 * request and response records) are the outside; everything else in a feature package is domain code.
 */
public abstract class ServiceArchitecture {

    /** What domain code may never use: the web stack, HTTP types, persistence and transactions. */
    static final String[] OUTSIDE_WORLD = {"org.springframework.web..", "org.springframework.http..",
            "org.springframework.r2dbc..", "org.springframework.data..", "org.springframework.transaction..",
            "io.r2dbc..", "reactor.netty..", "io.netty.."};

    private final String basePackage;
    private final JavaClasses classes;

    protected ServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Web types: controllers and the records they read and write. */
    static DescribedPredicate<JavaClass> webTypes() {
        return DescribedPredicate.describe("web types", type -> type.isAnnotatedWith(RestController.class)
                || endsWithAny(type, "Controller", "Request", "Requests", "Response"));
    }

    /** Spring beans and their configuration: application services, repositories, feeds, clocks, properties. */
    static DescribedPredicate<JavaClass> wiring() {
        return DescribedPredicate.describe("wiring", type -> type.isAnnotatedWith(Component.class)
                || type.isAnnotatedWith(Service.class) || type.isAnnotatedWith(Repository.class)
                || type.isAnnotatedWith(Configuration.class) || type.isAnnotatedWith(ConfigurationProperties.class)
                || endsWithAny(type, "Application", "Repository")
                || type.getPackageName().contains(".platform"));
    }

    private static boolean endsWithAny(JavaClass type, String... suffixes) {
        for (String suffix : suffixes) {
            if (type.getSimpleName().endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Everything else: aggregates, value objects, rules, events. */
    static DescribedPredicate<JavaClass> domainCode() {
        return not(webTypes()).and(not(wiring())).and(not(nestedInOutside())).as("domain code");
    }

    /** A nested type belongs to the layer of the type it is declared in. */
    private static DescribedPredicate<JavaClass> nestedInOutside() {
        return DescribedPredicate.describe("nested in web types or wiring", javaClass ->
                javaClass.getEnclosingClass().map(outer -> webTypes().test(outer) || wiring().test(outer)
                        || nestedInOutside().test(outer)).orElse(false));
    }

    @Test
    void domainCodeKnowsNoWebHttpOrPersistence() {
        noClasses().that(domainCode()).should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_WORLD)
                .because("aggregates, rules and events decide without I/O; the layers around them do the I/O")
                .check(classes);
    }

    @Test
    void applicationServicesKnowNoWeb() {
        noClasses().that().areAnnotatedWith(Service.class).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .because("HTTP ends in the controller; a use case is the same from any caller")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void controllersGoThroughServicesNeverRepositories() {
        noClasses().that(webTypes()).should().dependOnClassesThat(DescribedPredicate.describe("repositories",
                        type -> type.isAnnotatedWith(Repository.class) || endsWithAny(type, "Repository")))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..")
                .check(classes);
        classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
