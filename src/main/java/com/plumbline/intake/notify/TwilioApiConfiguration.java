package com.plumbline.intake.notify;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code TWILIO_API_URL} (e.g. {@code http://localhost:8099}): send every Twilio REST call there instead
 * of https://api.twilio.com, for a stand-in in benchmarks and staging. Unset (the default), camel-twilio
 * talks to Twilio itself. camel-twilio autowires the one {@link TwilioRestClient} bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${intake.twilio.api-url:}'.isEmpty()")
public class TwilioApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient twilioRestClient(@Value("${intake.twilio.api-url}") String apiUrl,
                                      @Value("${intake.notify.sms.account-sid}") String accountSid,
                                      @Value("${intake.notify.sms.auth-token}") String authToken) {
        return clientAt(apiUrl, accountSid, authToken);
    }

    /** A Twilio client whose every request goes to {@code apiUrl} instead of https://api.twilio.com. */
    public static TwilioRestClient clientAt(String apiUrl, String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken).accountSid(accountSid)
                .httpClient(new RedirectingClient(apiUrl.replaceAll("/+$", ""))).build();
    }

    /** The same request (method, path, parameters, headers, credentials) against another base URL. */
    private static final class RedirectingClient extends NetworkHttpClient {

        private final String baseUrl;

        RedirectingClient(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Response makeRequest(Request request) {
            Request copy = new Request(request.getMethod(), request.getUrl().replaceFirst("^https://[^/]+", baseUrl));
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> copy.addQueryParam(k, v)));
            request.getPostParams().forEach((k, values) -> values.forEach(v -> copy.addPostParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> copy.addHeaderParam(k, v)));
            if (request.getAuthStrategy() != null) {
                copy.setAuth(request.getAuthStrategy());
            } else if (request.getUsername() != null) {
                copy.setAuth(request.getUsername(), request.getPassword());
            }
            if (request.getContentType() != null) {
                copy.setContentType(request.getContentType());
            }
            if (request.getBody() != null) {
                copy.setBody(request.getBody());
            }
            return super.makeRequest(copy);
        }
    }
}
