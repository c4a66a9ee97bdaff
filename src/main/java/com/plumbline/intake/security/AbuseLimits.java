package com.plumbline.intake.security;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any login check, parsing or database work: a body larger than {@code maxBody} (by its
 * {@code Content-Length}) is 413, a body of unknown length is 411; more requests per minute from
 * one client IP than allowed on the webhooks or the login is 429 with {@code Retry-After}
 * (Bucket4j). The client IP is the peer's, or from {@code X-Forwarded-For} when the peer is a
 * configured proxy.
 */
@Component
@Order(-200) // before Spring Security's filters (-100)
@EnableConfigurationProperties(LimitsProperties.class)
public class AbuseLimits extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final LimitsProperties limits;
    private final Set<String> trustedProxies;
    private final Map<String, Bucket> webhookBuckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> loginBuckets = new ConcurrentHashMap<>();

    public AbuseLimits(LimitsProperties limits) {
        this.limits = limits;
        this.trustedProxies = Set.copyOf(limits.trustedProxies());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Map<String, Bucket> buckets = path.startsWith("/api/webhooks/") ? webhookBuckets
                : path.startsWith("/api/auth/") ? loginBuckets : null;
        if (buckets != null) {
            int perMinute = buckets == webhookBuckets ? limits.webhookRequestsPerMinute() : limits.loginRequestsPerMinute();
            ConsumptionProbe probe = bucket(buckets, clientIp(request), perMinute).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                response.setHeader("Retry-After", Long.toString(seconds));
                JsonSecurityErrors.write(response, 429, "too_many_requests", "too many requests; try again later");
                return;
            }
        }
        if (hasBody(request)) {
            long length = request.getContentLengthLong();
            if (length < 0) {
                JsonSecurityErrors.write(response, 411, "length_required", "a request body needs a Content-Length");
                return;
            }
            if (length > limits.maxBody().toBytes()) {
                response.setHeader("Connection", "close");
                JsonSecurityErrors.write(response, 413, "payload_too_large",
                        "the request body is over " + limits.maxBody().toKilobytes() + " KiB");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null || request.getContentLengthLong() > 0;
    }

    private Bucket bucket(Map<String, Bucket> buckets, String ip, int perMinute) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear(); // a flood of addresses: start counting again rather than run out of memory
        }
        return buckets.computeIfAbsent(ip, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    /** The peer, or the right-most address in X-Forwarded-For that is not one of our proxies. */
    String clientIp(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!hop.matches("[0-9A-Fa-f:.]{2,45}")) {
                return peer; // not an address: believe nothing further left
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
