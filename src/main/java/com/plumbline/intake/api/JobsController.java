package com.plumbline.intake.api;

import com.plumbline.intake.jobs.ProcessingJobRepository;
import com.plumbline.intake.jobs.ProcessingJob;
import com.plumbline.intake.jobs.JobStatus;
import com.plumbline.intake.jobs.DeadLetters;
import com.plumbline.intake.jobs.DeadLetter;
import com.plumbline.intake.jobs.AiDrafts;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jobs and dead letters for the dashboard and operators. */
@RestController
@RequestMapping("/api")
public class JobsController {

    private static final int MAX_LIMIT = 500;

    private final ProcessingJobRepository jobs;
    private final DeadLetters deadLetters;
    private final AiDrafts aiDrafts;

    public JobsController(ProcessingJobRepository jobs, DeadLetters deadLetters, AiDrafts aiDrafts) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.aiDrafts = aiDrafts;
    }

    @GetMapping("/jobs")
    public List<ProcessingJob> jobs(@RequestParam(required = false) JobStatus status,
                                    @RequestParam(defaultValue = "100") int limit) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, MAX_LIMIT)));
        return status == null ? jobs.findAllByOrderByIdDesc(page) : jobs.findByStatusOrderByIdDesc(status, page);
    }

    /** Optional body {@code {"text": "..."}} replaces the draft's text. */
    public record Approval(String text) {
    }

    @PostMapping("/jobs/{id}/approve")
    public ResponseEntity<?> approve(@PathVariable long id, @RequestBody(required = false) Approval approval) {
        try {
            return ResponseEntity.ok(new ApiError("approved", aiDrafts.approve(id, approval == null ? null : approval.text())));
        } catch (IllegalArgumentException e) {
            return ApiError.of(HttpStatus.CONFLICT, "not_a_draft", e.getMessage());
        }
    }

    @GetMapping("/dead-letters")
    public List<DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @GetMapping("/dead-letters/{id}")
    public ResponseEntity<?> deadLetter(@PathVariable long id) {
        return deadLetters.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/dead-letters/{id}/replay")
    public ResponseEntity<?> replay(@PathVariable long id) {
        return switch (deadLetters.replay(id)) {
            case REPLAYED -> ResponseEntity.accepted().body(new ApiError("replayed", "Re-queued"));
            case ALREADY_REPLAYED -> ApiError.of(HttpStatus.CONFLICT, "already_replayed", "Dead letter " + id + " was already replayed");
            case NO_JOB -> ApiError.of(HttpStatus.CONFLICT, "no_job", "Dead letter " + id + " has no readable job to replay");
            case NOT_FOUND -> notFound(id);
        };
    }

    @DeleteMapping("/dead-letters/{id}")
    public ResponseEntity<?> delete(@PathVariable long id) {
        return deadLetters.delete(id) ? ResponseEntity.noContent().build() : notFound(id);
    }

    private static ResponseEntity<ApiError> notFound(long id) {
        return ApiError.of(HttpStatus.NOT_FOUND, "not_found", "No dead letter " + id);
    }
}
