package com.plumbline.intake.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** X-Forwarded-For is believed only from configured proxies, and read from the right. */
class ClientIpTest {

    private final AbuseLimits limits = new AbuseLimits(
            new LimitsProperties(DataSize.ofKilobytes(256), 10, 10, List.of("10.0.0.2", "10.0.0.3")));

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(limits.clientIp(request("198.51.100.1", "203.0.113.9"))).isEqualTo("198.51.100.1");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(limits.clientIp(request("10.0.0.2", "203.0.113.9, 10.0.0.3"))).isEqualTo("203.0.113.9");
        assertThat(limits.clientIp(request("10.0.0.2", "1.1.1.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void duplicatedHeadersAreReadTogetherAndGarbageStopsTheWalk() {
        MockHttpServletRequest twice = request("10.0.0.2", "1.1.1.1");
        twice.addHeader("X-Forwarded-For", "203.0.113.9");
        assertThat(limits.clientIp(twice)).isEqualTo("203.0.113.9");
        assertThat(limits.clientIp(request("10.0.0.2", "<script>"))).isEqualTo("10.0.0.2");
        assertThat(limits.clientIp(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/webhooks/test");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
