package fpimport.job;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job's start refused for a moment (another process created a job instance at the same
 * time) is tried again; any other failure is not.
 */
class JobStartTest {

	@Test
	void aStartRefusedForAMomentIsTriedAgain() throws Exception {
		AtomicInteger tries = new AtomicInteger();

		String started = ImportLauncher.started(() -> {
			if (tries.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("could not serialize access due to concurrent update");
			}
			return "execution";
		});

		assertThat(started).isEqualTo("execution");
		assertThat(tries).hasValue(3);
	}

	@Test
	void aStartRefusedEveryTimeFailsAfterItsTries() {
		AtomicInteger tries = new AtomicInteger();

		assertThatThrownBy(() -> ImportLauncher.started(() -> {
			tries.incrementAndGet();
			throw new CannotAcquireLockException("could not serialize access due to concurrent update");
		})).isInstanceOf(CannotAcquireLockException.class);
		assertThat(tries).hasValue(ImportLauncher.START_TRIES);
	}

	@Test
	void anyOtherFailureIsNotTriedAgain() {
		AtomicInteger tries = new AtomicInteger();

		assertThatThrownBy(() -> ImportLauncher.started(() -> {
			tries.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(tries).hasValue(1);
	}

}
