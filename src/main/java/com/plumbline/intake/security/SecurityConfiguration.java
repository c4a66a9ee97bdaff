package com.plumbline.intake.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Who may call what (README, "Roles"). Two chains: operations (the actuator on its management
 * port: Hawtio, Jolokia, Prometheus, health) take an access token or HTTP Basic with a staff
 * login, so Hawtio works in a browser; everything else takes access tokens only. No sessions, no
 * cookies. Spring Boot's management context uses this same filter chain (it looks up
 * {@code springSecurityFilterChain} in its parent), so one set of rules covers both ports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Paths are matched as written, whatever servlet serves them: Jolokia is its own servlet, and
     * Spring MVC matchers would not see it under /actuator/**.
     */
    @Bean
    PathPatternRequestMatcher.Builder pathPatterns() {
        return PathPatternRequestMatcher.withDefaults();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return Roles.hierarchy();
    }

    /** No user-details service of Spring Boot's own (it would log a generated password). */
    @Bean
    UserDetailsService noInMemoryUsers() {
        return username -> {
            throw new UsernameNotFoundException("logins are checked by Logins");
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain operations(HttpSecurity http, AccessTokens tokens, SecurityProperties properties,
                                   Logins logins, Environment environment) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors("Basic realm=\"plumbline-intake\", Bearer");
        common(http, tokens, properties, errors)
                .securityMatcher(operationsRequests(environment))
                .authenticationProvider(basicLogins(logins))
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, BearerTokenFilter.PROMETHEUS_PATH)
                        .hasAnyRole(Roles.METRICS, Roles.ADMIN)
                        .anyRequest().hasRole(Roles.ADMIN));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, SecurityProperties properties) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors("Bearer");
        common(http, tokens, properties, errors)
                .httpBasic(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/error").permitAll()
                        // the dispatch board's page and its libraries: the data behind it needs a login
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/board.js", "/board.css", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // links in staff emails and SMS: a redirect to the board, which asks for a login
                        .requestMatchers(HttpMethod.GET, "/dashboard/customers/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh", "/api/auth/logout")
                        .permitAll()
                        // the operations summaries name routes and queues: operators only
                        .requestMatchers("/api/webhooks/health", "/api/webhooks/metrics").hasRole(Roles.ADMIN)
                        // the providers sign their calls; each webhook route checks its own signature
                        .requestMatchers("/api/webhooks/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/auth/me").authenticated()
                        // the public UP/DOWN for load balancers (health group "public", application.yaml)
                        .requestMatchers(HttpMethod.GET, "/health").permitAll()
                        // the actuator lives on the management port; nothing of it is served here
                        .requestMatchers("/actuator", "/actuator/**").denyAll()
                        .requestMatchers(HttpMethod.PUT, "/api/staff/*/login").hasRole(Roles.OWNER)
                        .requestMatchers(HttpMethod.GET, "/api/staff", "/api/staff/**").hasRole(Roles.DISPATCHER)
                        .requestMatchers("/api/staff", "/api/staff/**").hasRole(Roles.MANAGER)
                        .requestMatchers("/api/notifications", "/api/notifications/**").hasRole(Roles.TECHNICIAN)
                        .requestMatchers("/api/jobs", "/api/jobs/**").hasRole(Roles.DISPATCHER)
                        // the board: a technician sees only what was routed to them (BoardController)
                        .requestMatchers("/api/dashboard/**").hasRole(Roles.TECHNICIAN)
                        .requestMatchers("/api/dead-letters", "/api/dead-letters/**").hasRole(Roles.MANAGER)
                        // flagged classifications: dispatchers review and correct, managers export the corrections
                        .requestMatchers(HttpMethod.GET, "/api/review/corrections.csv").hasRole(Roles.MANAGER)
                        .requestMatchers("/api/review", "/api/review/**").hasRole(Roles.DISPATCHER)
                        // a path without a rule here is closed (SecurityTest lists every endpoint)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * Every request to the management server, whatever its path (Hawtio and Jolokia register
     * servlets of their own there). Should an operator put the actuator back on the main port
     * ({@code INTAKE_MANAGEMENT_PORT} = {@code PORT}), its base path is matched instead.
     */
    static RequestMatcher operationsRequests(Environment environment) {
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            return request -> WebServerApplicationContext.hasServerNamespace(
                    WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
        }
        return PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
    }

    private static HttpSecurity common(HttpSecurity http, AccessTokens tokens, SecurityProperties properties,
                                       JsonSecurityErrors errors) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterBefore(new BearerTokenFilter(tokens, properties), BasicAuthenticationFilter.class);
    }

    /** HTTP Basic checked against the staff logins (lockout included). */
    private static AuthenticationProvider basicLogins(Logins logins) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    LoggedIn who = logins.checkPassword(authentication.getName(),
                            String.valueOf(authentication.getCredentials()));
                    return UsernamePasswordAuthenticationToken.authenticated(who, null, who.roles().stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
                } catch (Logins.LoginRefused e) {
                    throw new BadCredentialsException("refused");
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
