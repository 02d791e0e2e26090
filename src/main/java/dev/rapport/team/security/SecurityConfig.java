package dev.rapport.team.security;

import dev.rapport.core.web.LanguageResolver;
import dev.rapport.core.web.Problems;
import dev.rapport.team.domain.AccessTokens;
import dev.rapport.team.domain.Members;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains: networks' pushes (see {@link #networkPushes}), the API and the UI. The API ({@code /api/**}, {@code /actuator/**}) is stateless: a personal
 * access token or HTTP Basic on every request, no session, no cookies, so no CSRF; its errors are
 * problem details. The UI signs in with a form, keeps its session in the database, and checks a
 * CSRF token on every change.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String[] PUBLIC_PAGES = {
        "/login", "/setup", "/invitation/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error", "/error/**"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SpringSessionRememberMeServices rememberMeServices() {
        SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
        services.setValiditySeconds(60 * 60 * 24 * 30);
        return services;
    }

    /**
     * What networks push ({@code /push/<subscription>}): no session and no CSRF token, since a network
     * has neither; each push proves itself instead (signed with the network's key, encrypted to the
     * subscription's), which the connectors module checks.
     */
    @Bean
    @Order(0)
    SecurityFilterChain networkPushes(HttpSecurity http) throws Exception {
        http.securityMatcher("/push/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, Members members, Problems problems, JsonMapper json)
            throws Exception {
        ProblemResponses responses = new ProblemResponses(problems, json);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(responses))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .addFilterBefore(
                        new AccessTokenAuthentication(tokens, members, responses), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http, SpringSessionRememberMeServices rememberMe, SignIns signIns, LanguageResolver languages)
            throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    org.springframework.security.core.Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                if (authentication.getPrincipal() instanceof MemberPrincipal principal) {
                    var session = request.getSession();
                    session.setAttribute(MemberSessions.ADDRESS, request.getRemoteAddr());
                    String agent = request.getHeader("User-Agent");
                    session.setAttribute(
                            MemberSessions.AGENT,
                            agent == null ? null : agent.substring(0, Math.min(agent.length(), 200)));
                    languages.setLocale(request, response, signIns.signedIn(principal, request.getRemoteAddr()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/");
        var failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    org.springframework.security.core.AuthenticationException exception)
                    throws IOException {
                getRedirectStrategy()
                        .sendRedirect(
                                request,
                                response,
                                exception instanceof LockedException ? "/login?locked" : "/login?error");
            }
        };
        // After sign-in, back to the page that asked for it, without Spring's "?continue" marker.
        var requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        http.requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(success)
                        .failureHandler(failure)
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                                + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** 401 and 403 of the API as problem details in the client's language. */
    static final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
        private final Problems problems;
        private final JsonMapper json;

        ProblemResponses(Problems problems, JsonMapper json) {
            this.problems = problems;
            this.json = json;
        }

        @Override
        public void commence(
                HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.core.AuthenticationException exception)
                throws IOException {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"rapport\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated");
        }

        @Override
        public void handle(
                HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.access.AccessDeniedException exception)
                throws IOException {
            write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
        }

        private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
                throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var locale = new LanguageResolver().resolveLocale(request);
            json.writeValue(response.getOutputStream(), problems.of(status, key, new Object[0], locale));
        }
    }
}
