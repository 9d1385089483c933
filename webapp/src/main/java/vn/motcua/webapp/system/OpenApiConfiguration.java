package vn.motcua.webapp.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the motcua API at /v3/api-docs, browsable at /swagger-ui.html. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI motcuaApi() {
    return new OpenAPI()
        .info(new Info().title("motcua API")
            .description("Thủ tục hành chính một cửa trên Camunda 7 / One-stop administrative procedures. "
                + "Errors are RFC 7807 problems; send Accept-Language: en for English messages.")
            .version("v1"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}
