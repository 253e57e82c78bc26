package io.authorworks.gateway.bff;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Lets a request end quietly when its session was ended by another request running beside
 * it. Spring Session's Redis repository refuses to save a session that no longer exists
 * ({@code IllegalStateException: Session was invalidated}), which turned the answers of a
 * signed-out browser's parallel API calls into {@code 500}s. The session is gone on
 * purpose, so there is nothing to save; the request keeps the answer it already has.
 */
final class EndedSessionSaves implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SessionRepository<?> repository) {
			return wrap(repository);
		}
		return bean;
	}

	private static <S extends Session> SessionRepository<S> wrap(SessionRepository<S> repository) {
		return new Tolerant<>(repository);
	}

	private record Tolerant<S extends Session>(SessionRepository<S> delegate) implements SessionRepository<S> {

		private static final Logger log = LoggerFactory.getLogger(EndedSessionSaves.class);

		@Override
		public S createSession() {
			return this.delegate.createSession();
		}

		@Override
		public void save(S session) {
			try {
				this.delegate.save(session);
			}
			catch (IllegalStateException ex) {
				if (!"Session was invalidated".equals(ex.getMessage())) {
					throw ex;
				}
				log.debug("Not saving session {}: another request ended it", session.getId());
			}
		}

		@Override
		public @Nullable S findById(String id) {
			return this.delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.delegate.deleteById(id);
		}

	}

}
