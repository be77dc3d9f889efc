package dev.flowlet.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). Every
 * operation needs a bearer token from {@code POST /api/v1/auth/token} unless it says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER = "bearer-jwt";

  @Bean
  OpenAPI flowletOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Flowlet transaction API")
                .version("v1")
                .description(
                    "Records money movements in PostgreSQL and publishes them to Kafka for"
                        + " screening. Errors are RFC 9457 application/problem+json. Every POST"
                        + " that moves money needs an Idempotency-Key header.")
                .license(new License().name("Proprietary")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
