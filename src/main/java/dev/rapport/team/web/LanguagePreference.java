package dev.rapport.team.web;

import dev.rapport.team.Actor;
import dev.rapport.team.TeamManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** When a signed-in member switches language ({@code ?lang=}), the choice follows them to every device. */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer, HandlerInterceptor {

    private final TeamManagement team;

    LanguagePreference(TeamManagement team) {
        this.team = team;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank() && Actor.current().memberId() != null) {
            team.changeOwnLanguage(lang);
        }
        return true;
    }
}
