package fpimport.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that answers queued replies in order and records
 * every request. Token requests get their own queue and, when it is empty, a fresh token
 * {@code tok-N} that lives 7200 s. Each answer closes its connection, and a reply can
 * also drop the connection without answering, or answer late. On a test's field it is
 * closed after each test:
 *
 * <pre>
 * &#64;RegisterExtension
 * final ScriptedServer server = ScriptedServer.started();
 * </pre>
 */
final class ScriptedServer implements AutoCloseable, AfterEachCallback {

	static final String TOKEN_PATH = "/open_api/authen/plugin_token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServerSocket socket;

	private final ExecutorService workers = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "scripted-server");
		thread.setDaemon(true);
		return thread;
	});

	private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();

	private final Deque<Reply> tokenReplies = new ConcurrentLinkedDeque<>();

	private final List<Recorded> requests = new ArrayList<>();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private volatile Reply fallback;

	ScriptedServer() throws IOException {
		this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "scripted-server-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A server listening now. */
	static ScriptedServer started() {
		try {
			return new ScriptedServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		close();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	static final String SECRET = "s3cr3t-VALUE-42";

	/**
	 * Settings for this server: fast retries (4 attempts, 100 ms base pause), short
	 * timeouts, and a rate limit high enough not to slow tests down.
	 */
	ApiSettings settings() {
		return ApiSettings.of(baseUrl(), "plugin-1", Secret.of(SECRET), "user-1")
			.withQps(1000)
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
			.withRetry(new ApiSettings.RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(100),
					Duration.ofSeconds(2)));
	}

	/**
	 * A client of this server that pauses on the given clock, with full jitter at its
	 * cap.
	 */
	OpenApiClient client(ManualTime time) {
		return new OpenApiClient(settings(), time, () -> 1.0);
	}

	/** Queues the next answer to a business request. */
	ScriptedServer reply(Reply reply) {
		this.replies.add(reply);
		return this;
	}

	/** Queues the next answer to a token request. */
	ScriptedServer replyToken(Reply reply) {
		this.tokenReplies.add(reply);
		return this;
	}

	/** The answer to business requests once the queue is empty. */
	ScriptedServer otherwise(Reply reply) {
		this.fallback = reply;
		return this;
	}

	int tokensIssued() {
		return this.tokensIssued.get();
	}

	/** Every request so far, token requests included, in arrival order. */
	synchronized List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests so far other than token requests. */
	List<Recorded> businessRequests() {
		return requests().stream().filter((request) -> !request.path().equals(TOKEN_PATH)).toList();
	}

	private void acceptLoop() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.workers.execute(() -> serve(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = connection.getInputStream();
			String head = readHead(in);
			if (head == null) {
				return;
			}
			String[] lines = head.split("\r\n");
			String[] requestLine = lines[0].split(" ");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).strip());
				}
			}
			int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
			String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
			Recorded recorded = new Recorded(requestLine[0], requestLine[1], headers, body, System.nanoTime());
			synchronized (this) {
				this.requests.add(recorded);
			}
			Reply reply = next(recorded);
			if (reply.delayMillis() > 0) {
				Thread.sleep(reply.delayMillis());
			}
			if (reply.drop()) {
				return;
			}
			write(connection.getOutputStream(), reply);
		}
		catch (IOException | InterruptedException ex) {
			// the client went away (a timeout): nothing to answer
		}
	}

	private Reply next(Recorded request) {
		if (request.path().equals(TOKEN_PATH)) {
			Reply scripted = this.tokenReplies.poll();
			return (scripted != null) ? scripted : Reply.token("tok-" + this.tokensIssued.incrementAndGet(), 7200);
		}
		Reply scripted = this.replies.poll();
		if (scripted != null) {
			return scripted;
		}
		Reply otherwise = this.fallback;
		return (otherwise != null) ? otherwise : Reply.error(500, 99999, "script exhausted", null);
	}

	private static void write(OutputStream out, Reply reply) throws IOException {
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(" Scripted\r\n");
		head.append("Content-Type: ").append(reply.contentType()).append("\r\n");
		head.append("Content-Length: ").append(body.length).append("\r\n");
		head.append("Connection: close\r\n");
		if (reply.logId() != null) {
			head.append("X-Tt-Logid: ").append(reply.logId()).append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			matched = switch (matched) {
				case 0, 2 -> (b == '\r') ? matched + 1 : 0;
				case 1, 3 -> (b == '\n') ? matched + 1 : ((b == '\r') ? 1 : 0);
				default -> 0;
			};
			if (matched == 4) {
				String text = head.toString(StandardCharsets.ISO_8859_1);
				return text.substring(0, text.length() - 4);
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		this.workers.shutdownNow();
	}

	/** A request as the server saw it; header names are lower case. */
	record Recorded(String method, String path, Map<String, String> headers, String body, long nanos) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/** One scripted answer. */
	record Reply(int status, String body, String contentType, String logId, long delayMillis, boolean drop) {

		static Reply ok(String dataJson) {
			return new Reply(200, "{\"err_code\":0,\"err_msg\":\"\",\"err\":{},\"data\":" + dataJson + "}",
					"application/json", "log-ok", 0, false);
		}

		static Reply okPaged(String dataJson, int pageNum, int pageSize, long total) {
			return new Reply(200,
					"{\"err_code\":0,\"err_msg\":\"\",\"err\":{},\"data\":" + dataJson
							+ ",\"pagination\":{\"page_num\":" + pageNum + ",\"page_size\":" + pageSize + ",\"total\":"
							+ total + "}}",
					"application/json", "log-ok", 0, false);
		}

		static Reply error(int status, int code, String message, String logId) {
			return new Reply(status, "{\"data\":null,\"err\":{\"code\":" + code + ",\"msg\":\"" + message
					+ "\"},\"err_msg\":\"" + message + "\",\"err_code\":" + code + "}", "application/json", logId, 0,
					false);
		}

		static Reply raw(int status, String contentType, String body) {
			return new Reply(status, body, contentType, null, 0, false);
		}

		static Reply token(String token, long expireSeconds) {
			return new Reply(200,
					"{\"data\":{\"token\":\"" + token + "\",\"expire_time\":" + expireSeconds
							+ "},\"error\":{\"code\":0,\"msg\":\"success\"}}",
					"application/json", "log-token", 0, false);
		}

		static Reply tokenError(int code, String message) {
			return new Reply(400, "{\"data\":null,\"error\":{\"code\":" + code + ",\"msg\":\"" + message + "\"}}",
					"application/json", "log-token-error", 0, false);
		}

		/** Reads the request, then closes the connection without a word. */
		static Reply dropConnection() {
			return new Reply(0, "", "", null, 0, true);
		}

		Reply delayed(long millis) {
			return new Reply(this.status, this.body, this.contentType, this.logId, millis, this.drop);
		}

	}

}
