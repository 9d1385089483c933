package vn.motcua.webapp.system;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Vietnamese unless the person chose English in the workbench ({@code ?lang=en}, kept in a cookie) or
 * the client asks for it ({@code Accept-Language: en}).
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("motcua-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? VIETNAMESE
        : request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : VIETNAMESE);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    registry.addInterceptor(change).addPathPatterns("/workbench/**", "/login", "/thu-tuc", "/thu-tuc/**");
  }
}
