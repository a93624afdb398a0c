package fpimport.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 17, item 15: a connection that fails names the host and port and what to check.
 */
class ConnectionFailureMessageTest {

	@Test
	void aRefusedConnectionNamesHostPortAndWhatToCheck() throws IOException {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			closedPort = probe.getLocalPort();
		}
		ApiSettings settings = ApiSettings.of("http://127.0.0.1:" + closedPort, "plugin-1", Secret.of("x"), "user-1")
			.withRetry(new ApiSettings.RetryPolicy(2, Duration.ofSeconds(60), Duration.ofMillis(10),
					Duration.ofMillis(10)));
		OpenApiClient unreachable = new OpenApiClient(settings, new ManualTime(), () -> 1.0);

		OpenApiException failure = catchThrowableOfType(OpenApiException.class, () -> unreachable.types("doc"));

		assertThat(failure.getMessage()).contains("connection failed to 127.0.0.1:" + closedPort)
			.contains("ConnectException")
			.doesNotContain("\n");
		assertThat(failure.hint()).contains("127.0.0.1:" + closedPort).contains("--base-url").contains("firewall");
	}

	@Test
	void theAddressOfABaseUrlHasTheSchemesPortWhenNoneIsGiven() {
		assertThat(OpenApiClient.address("https://project.feishu.cn")).isEqualTo("project.feishu.cn:443");
		assertThat(OpenApiClient.address("http://127.0.0.1:8086/")).isEqualTo("127.0.0.1:8086");
	}

}
