package com.plumbline.intake.api;

import com.plumbline.intake.security.Logins;
import com.plumbline.intake.security.LoggedIn;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Log in, refresh, log out; an owner or admin gives staff members a login. */
@RestController
public class AuthController {

    public record Credentials(String username, String password) {
    }

    public record Refresh(String refreshToken) {
    }

    public record Me(String username, Long staffMemberId, Set<String> roles) {
    }

    private final Logins logins;

    public AuthController(Logins logins) {
        this.logins = logins;
    }

    @PostMapping("/api/auth/login")
    public Logins.Tokens login(@RequestBody Credentials credentials) {
        return logins.login(credentials.username(), credentials.password());
    }

    @PostMapping("/api/auth/refresh")
    public Logins.Tokens refresh(@RequestBody Refresh refresh) {
        return logins.refresh(refresh.refreshToken());
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@RequestBody Refresh refresh) {
        logins.logout(refresh.refreshToken());
    }

    @GetMapping("/api/auth/me")
    public Me me(@AuthenticationPrincipal LoggedIn who) {
        return new Me(who.username(), who.staffMemberId(), who.roles());
    }

    /** Sets a staff member's user name and password (OWNER or ADMIN). */
    @PutMapping("/api/staff/{id}/login")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void setLogin(@PathVariable long id, @RequestBody Credentials credentials) {
        logins.setPassword(id, credentials.username(), credentials.password());
    }

    @ExceptionHandler(Logins.LoginRefused.class)
    ResponseEntity<Map<String, String>> refused(Logins.LoginRefused e) {
        return e.retryAfter()
                .map(wait -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())))
                        .body(Map.of("error", "locked", "message", "too many failed logins; try again later")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(Map.of("error", "unauthorized", "message", "wrong user name, password or token")));
    }
}
