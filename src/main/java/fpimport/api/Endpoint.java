package fpimport.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Open API endpoint: its method and path template. The template, never the filled-in
 * path, names the endpoint in errors and keys the rate limit.
 */
record Endpoint(String method, String template) {

	private static final Pattern PLACEHOLDER = Pattern.compile(":[a-z_]+");

	static final Endpoint PLUGIN_TOKEN = new Endpoint("POST", "/open_api/authen/plugin_token");

	static final Endpoint ALL_TYPES = new Endpoint("GET", "/open_api/:project_key/work_item/all-types");

	static final Endpoint META = new Endpoint("GET", "/open_api/:project_key/work_item/:work_item_type_key/meta");

	static final Endpoint FIELD_ALL = new Endpoint("POST", "/open_api/:project_key/field/all");

	static final Endpoint RELATIONS = new Endpoint("GET", "/open_api/:project_key/work_item/relation");

	static final Endpoint TEMPLATE_LIST = new Endpoint("GET",
			"/open_api/:project_key/template_list/:work_item_type_key");

	static final Endpoint FLOW_ROLES = new Endpoint("GET", "/open_api/:project_key/flow_roles/:work_item_type_key");

	static final Endpoint TEAMS = new Endpoint("GET", "/open_api/:project_key/teams/all");

	static final Endpoint USER_QUERY = new Endpoint("POST", "/open_api/user/query");

	static final Endpoint USER_SEARCH = new Endpoint("POST", "/open_api/user/search");

	static final Endpoint CREATE = new Endpoint("POST", "/open_api/:project_key/work_item/create");

	static final Endpoint SEARCH_PARAMS = new Endpoint("POST",
			"/open_api/:project_key/work_item/:work_item_type_key/search/params");

	static final Endpoint QUERY = new Endpoint("POST", "/open_api/:project_key/work_item/:work_item_type_key/query");

	static final Endpoint UPDATE = new Endpoint("PUT",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id");

	static final Endpoint DELETE = new Endpoint("DELETE",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id");

	static final Endpoint TEMPLATE_DETAIL = new Endpoint("GET", "/open_api/:project_key/template_detail/:template_id");

	static final Endpoint WORKFLOW_QUERY = new Endpoint("POST",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id/workflow/query");

	static final Endpoint STATE_CHANGE = new Endpoint("POST",
			"/open_api/:project_key/workflow/:work_item_type_key/:work_item_id/node/state_change");

	static final Endpoint NODE_OPERATE = new Endpoint("POST",
			"/open_api/:project_key/workflow/:work_item_type_key/:work_item_id/node/:node_id/operate");

	static final Endpoint ABORT = new Endpoint("PUT",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id/abort");

	static final Endpoint COMMENT_CREATE = new Endpoint("POST",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id/comment/create");

	static final Endpoint COMMENTS = new Endpoint("GET",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id/comments");

	static final Endpoint FILE_UPLOAD = new Endpoint("POST",
			"/open_api/:project_key/work_item/:work_item_type_key/:work_item_id/file/upload");

	Endpoint {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(template, "template");
	}

	/** The path with each placeholder replaced, in order, by a percent-encoded value. */
	String path(String... values) {
		Matcher matcher = PLACEHOLDER.matcher(this.template);
		StringBuilder path = new StringBuilder();
		int next = 0;
		while (matcher.find()) {
			if (next >= values.length) {
				throw new IllegalArgumentException("too few values for " + this.template);
			}
			String value = Objects.requireNonNull(values[next++], "path value");
			if (value.isBlank()) {
				throw new IllegalArgumentException("blank value for " + matcher.group() + " of " + this.template);
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(encodeSegment(value)));
		}
		matcher.appendTail(path);
		if (next != values.length) {
			throw new IllegalArgumentException("too many values for " + this.template);
		}
		return path.toString();
	}

	/** Method and template, as errors name the endpoint. */
	String describe() {
		return this.method + " " + this.template;
	}

	private static String encodeSegment(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}

}
