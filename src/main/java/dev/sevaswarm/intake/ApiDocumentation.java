package dev.sevaswarm.intake;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document says about the API as a whole: its name, its server and how to call it. */
@Configuration
public class ApiDocumentation {

  @Bean
  public OpenAPI sevASwarmApi() {
    return new OpenAPI()
        .info(new Info().title("Sev A Swarm API").version("1")
            .description("Open and follow critical support cases, talk in the swarm room, set the next action, "
                + "read audit trails. Every time is ISO-8601 with an offset; refusals are application/problem+json."))
        // the API answers on the host that served this document
        .servers(List.of(new Server().url("/").description("this server")))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A person's Camunda user and password"))
            .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token issued by an administrator (POST /api/tokens)")))
        .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
  }
}
