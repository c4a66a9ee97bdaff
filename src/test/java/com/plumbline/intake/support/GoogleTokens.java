package com.plumbline.intake.support;

import java.time.Instant;
import java.util.Date;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for Google's OIDC token issuer: a WireMock server publishes the JWKS (as
 * https://www.googleapis.com/oauth2/v3/certs does) and tokens are signed with its RSA key.
 */
public final class GoogleTokens {

    public static final String ISSUER = "https://accounts.google.com";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final RSAKey key = generate("google-key-1");

    public GoogleTokens() {
        server.start();
        server.stubFor(get("/oauth2/v3/certs").willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    public String jwksUrl() {
        return server.baseUrl() + "/oauth2/v3/certs";
    }

    public String token(String audience, String email, Instant expires) {
        return sign(key, new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject("1234567890")
                .claim("email", email)
                .claim("email_verified", true)
                .issueTime(Date.from(expires.minusSeconds(3600)))
                .expirationTime(Date.from(expires))
                .build());
    }

    /** A well-formed token signed by a key Google never published. */
    public String tokenFromUnknownKey(String audience, String email) {
        return sign(generate("google-key-1"), new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .claim("email", email)
                .claim("email_verified", true)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
