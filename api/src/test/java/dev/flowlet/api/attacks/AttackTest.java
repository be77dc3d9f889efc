package dev.flowlet.api.attacks;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * The API against the real test servers, behind a "proxy" on this host (so a test can act as many
 * clients through X-Forwarded-For), with the local profile's demo users. The same configuration as
 * the access-matrix and hardening tests, so the whole module shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flowlet.api.trusted-proxies=127.0.0.1/32,::1/128")
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@interface AttackTest {}
