package com.plumbline.intake.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer ...}: an access token ({@link AccessTokens}), or on the
 * Prometheus path the scrape token. Anything else is left unauthenticated, so that the webhooks,
 * which carry their providers' own tokens, are not disturbed; protected paths then answer 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String PROMETHEUS_PATH = "/actuator/prometheus";

    private final AccessTokens tokens;
    private final byte[] prometheusToken;

    BearerTokenFilter(AccessTokens tokens, SecurityProperties properties) {
        this.tokens = tokens;
        this.prometheusToken = properties.prometheusToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (PROMETHEUS_PATH.equals(request.getRequestURI()) && prometheusToken.length > 0
                    && MessageDigest.isEqual(prometheusToken, token.getBytes(StandardCharsets.UTF_8))) {
                authenticate(new LoggedIn("prometheus", null, java.util.Set.of(Roles.METRICS)));
            } else {
                tokens.verify(token).ifPresent(verified -> authenticate(verified.who()));
            }
        }
        chain.doFilter(request, response);
    }

    static void authenticate(LoggedIn who) {
        List<SimpleGrantedAuthority> authorities = who.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, authorities));
    }
}
