package com.plumbline.intake.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for provider errors: 429, 5xx and no answer are retried; any other 4xx is permanent. */
class ProviderErrorsTest {

    @ParameterizedTest
    @CsvSource({"429,false", "500,false", "502,false", "503,false", "400,true", "401,true", "403,true", "404,true",
            "422,true"})
    void aTwilioAnswerIsPermanentOnlyForA4xxOtherThan429(int status, boolean permanent) {
        ProviderFailure failure = ProviderErrors.classify(
                new RuntimeException("wrapped", new ApiException("refused", 20000, null, status, null)));

        assertThat(failure.isPermanent()).isEqualTo(permanent);
        assertThat(failure.getStatus()).isEqualTo(status);
        assertThat(failure.getMessage()).startsWith("Twilio " + status + " code 20000");
    }

    @ParameterizedTest
    @CsvSource({"429,false", "503,false", "400,true", "404,true"})
    void anHttpAnswerFollowsTheSameRule(int status, boolean permanent) {
        ProviderFailure failure = ProviderErrors.classify(
                new HttpOperationFailedException("http://ai.test/v1/chat/completions?key=secret", status, "Status", null,
                        null, "body"));

        assertThat(failure.isPermanent()).isEqualTo(permanent);
        assertThat(failure.getMessage()).isEqualTo("HTTP " + status + " Status").doesNotContain("secret");
    }

    @Test
    void noAnswerAtAllIsRetried() {
        assertThat(ProviderErrors.classify(new ApiConnectionException("timeout", new SocketTimeoutException()))
                .isPermanent()).isFalse();
        assertThat(ProviderErrors.classify(new MessagingException("Couldn't connect",
                new ConnectException("Connection refused"))).isRetryable()).isTrue();
        assertThat(ProviderErrors.classify(new IOException("reset")).isRetryable()).isTrue();
    }

    @Test
    void anAddressTheMailServerRefusesIsPermanent() {
        assertThat(ProviderErrors.classify(new MessagingException("send", new SendFailedException("550 no such user")))
                .isPermanent()).isTrue();
    }

    @Test
    void phoneNumbersInTheProvidersTextAreMasked() {
        ProviderFailure failure = ProviderErrors.classify(new ApiException(
                "The 'To' number +15125550199 is not a valid phone number.", 21211, null, 400, null));

        assertThat(failure.getMessage())
                .isEqualTo("Twilio 400 code 21211: The 'To' number ********0199 is not a valid phone number.");
        assertThat(failure.getCause()).isNull();
        assertThat(Redaction.maskPhoneNumbers("call (512) 555-0199 or 512.555.0100, order 12345"))
                .isEqualTo("call **********0199 or ********0100, order 12345");
    }
}
