package dev.rapport.screening.web;

import dev.rapport.screening.Policies;
import dev.rapport.team.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A member who has not acknowledged the current policy is shown it first: every page they open
 * leads to the policy until they acknowledge it (their own account page and signing out excepted).
 * The API is not redirected; there, enforcement refuses publishing instead.
 */
@Configuration(proxyBeanMethods = false)
class AcknowledgementFirst implements WebMvcConfigurer {

    private static final List<String> OPEN = List.of(
            "/policy",
            "/account",
            "/logout",
            "/login",
            "/error",
            "/api/",
            "/actuator/",
            "/css/",
            "/js/",
            "/webjars/",
            "/v3/api-docs",
            "/swagger-ui",
            "/favicon.ico",
            "/setup",
            "/invitation");

    private final Policies policies;

    AcknowledgementFirst(Policies policies) {
        this.policies = policies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws IOException {
                if (!"GET".equals(request.getMethod())) {
                    return true;
                }
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (OPEN.stream()
                        .anyMatch(open -> open.endsWith("/")
                                ? path.startsWith(open)
                                : path.equals(open) || path.startsWith(open + "/") || path.startsWith(open + "."))) {
                    return true;
                }
                Long memberId = Actor.current().memberId();
                if (memberId == null || policies.acknowledgedCurrent(memberId)) {
                    return true;
                }
                response.sendRedirect(request.getContextPath() + "/policy");
                return false;
            }
        });
    }
}
