package fpimport.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 15 QPS per token per API: a burst above it is answered 429 / 10429. */
class RateLimitTest {

	private OpenApiEmulator emulator;

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aBurstOfCreatesAboveTheLimitIsPartlyRefused() throws Exception {
		this.emulator = OpenApiEmulator.start(EmulatorConfig.demo());
		Caller caller = Caller.connected(this.emulator);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Caller.Reply> replies = new ArrayList<>();
		try {
			List<Future<Caller.Reply>> futures = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				futures.add(pool.submit(() -> caller.create(Bodies.story())));
			}
			for (Future<Caller.Reply> future : futures) {
				replies.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Caller.Reply> limited = replies.stream().filter((reply) -> reply.status() == 429).toList();
		assertThat(limited).isNotEmpty().allSatisfy((reply) -> assertThat(reply.errCode()).isEqualTo(10429));
		assertThat(this.emulator.space().itemCount()).isEqualTo(40 - limited.size());
		assertThat(this.emulator.space().answers(10429)).isEqualTo(limited.size());
		// the rest of the APIs, and other tokens, have their own budget
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
		assertThat(Caller.connected(this.emulator).create(Bodies.story()).errCode()).isZero();
	}

	@Test
	void noMoreThanTheLimitInAnySecond() throws InterruptedException {
		this.emulator = OpenApiEmulator.start(EmulatorConfig.demo().withQps(5));
		Caller caller = Caller.connected(this.emulator);
		int accepted = 0;
		for (int i = 0; i < 8; i++) {
			if (caller.get("/open_api/demo/teams/all").errCode() == 0) {
				accepted++;
			}
		}
		assertThat(accepted).isEqualTo(5);
		Thread.sleep(1050);
		assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
	}

	@Test
	void qpsZeroMeansNoLimit() {
		this.emulator = OpenApiEmulator.start(EmulatorConfig.demo().withQps(0));
		Caller caller = Caller.connected(this.emulator);
		for (int i = 0; i < 40; i++) {
			assertThat(caller.get("/open_api/demo/teams/all").errCode()).isZero();
		}
	}

}
