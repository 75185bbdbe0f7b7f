package gov.envgov.support.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A service test: the whole service on a random port against a real PostgreSQL (the test class registers its
 * database with {@link TestPostgres}), no Eureka, feed consumers driven by hand, test tokens instead of Keycloak.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(ServiceTestSupport.class)
public @interface ServiceTest {

    /** Extra properties; Eureka and the feed consumers are always off. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false"};
}
