package com.plumbline.intake.ops;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a route file's routes are being replaced, a webhook that reached them would meet a
 * stopping consumer (a bare 503) or a request mapping removed under it (a 500). So during a swap
 * the webhook endpoints answer 503 with Retry-After and a JSON body at once: nothing is stored,
 * and the provider comes back a second later to the new routes. The swap itself waits until the
 * webhooks already inside have been answered.
 */
@Component
class RouteSwapGuard extends OncePerRequestFilter {

    private final RouteReloadStatus reloads;

    RouteSwapGuard(RouteReloadStatus reloads) {
        this.reloads = reloads;
    }

    /** The providers' webhooks only (POSTs): health and metrics keep answering during a swap. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!reloads.swapping()) {
            reloads.webhookStarted();
            try {
                chain.doFilter(request, response);
            } finally {
                if (request.isAsyncStarted()) {
                    // platform-http answers on another thread: the webhook ends with its async request
                    request.getAsyncContext().addListener(new Ended());
                } else {
                    reloads.webhookEnded();
                }
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"unavailable\",\"message\":\"The routes are being reloaded; retry shortly\"}");
    }

    private final class Ended implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            reloads.webhookEnded();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
