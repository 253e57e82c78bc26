package io.authorworks.content.assist;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.authorworks.lib.storyai.AiException;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.engine.StepOutcome;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Brainstorm, rewrite, expand, shorten, describe and continue, streamed token by token.
 */
@RestController
@Tag(name = "Generation")
class AssistController {

	private static final Logger log = LoggerFactory.getLogger(AssistController.class);

	/** The longest one operation may stream. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final Assists assists;

	AssistController(Assists assists) {
		this.assists = assists;
	}

	@PostMapping("/content/books/{bookId}/assist")
	@Operation(summary = "Run an interactive operation on a selection, streamed (server-sent events)",
			description = "Operations: brainstorm, rewrite, expand, shorten, describe, continue. Events: delta "
					+ "{text} as the model writes, restart {} when a retry starts the text over, then done {provider, "
					+ "model, offline, usage, cost} or error {problem}. Closing the connection cancels the provider "
					+ "call. Needs the generate permission (404 otherwise); bad input is a 422 problem.")
	SseEmitter assist(Caller.User user, @PathVariable UUID bookId, @RequestBody AssistRequest request) {
		Assists.Prepared prepared = this.assists.prepare(user, bookId, request);
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		emitter.onCompletion(prepared.token()::cancel);
		emitter.onTimeout(prepared.token()::cancel);
		emitter.onError((ex) -> prepared.token().cancel());
		Thread.ofVirtual().name("assist-" + bookId).start(() -> stream(prepared, emitter));
		return emitter;
	}

	private void stream(Assists.Prepared prepared, SseEmitter emitter) {
		TokenSink sink = new TokenSink() {
			@Override
			public void onText(String delta) {
				send(prepared, emitter, "delta", Map.of("text", delta));
			}

			@Override
			public void onRestart() {
				send(prepared, emitter, "restart", Map.of());
			}
		};
		try {
			StepOutcome outcome = this.assists.run(prepared, sink);
			send(prepared, emitter, "done", Assists.done(outcome));
			emitter.complete();
		}
		catch (GenerationCancelledException ex) {
			// The client went away (or the stream timed out): nothing left to tell.
			emitter.complete();
		}
		catch (AiException ex) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", ex.type().uri().toString());
			problem.put("title", ex.type().title());
			problem.put("status", ex.type().status());
			problem.put("detail", ex.userMessage());
			send(prepared, emitter, "error", Map.of("problem", problem));
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.warn("An assist in book {} broke off: {}", prepared.bookId(), ex.toString());
			emitter.completeWithError(ex);
		}
	}

	/** Sends an event; a client that is gone cancels the provider call. */
	private static void send(Assists.Prepared prepared, SseEmitter emitter, String name, Object data) {
		if (prepared.token().isCancelled()) {
			return;
		}
		try {
			emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			prepared.token().cancel();
		}
	}

}
