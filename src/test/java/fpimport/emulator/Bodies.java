package fpimport.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Create bodies for the demo space, valid unless a test changes them. */
final class Bodies {

	private Bodies() {
	}

	/** A story with exactly its required fields; PM is filled by default (CW-8). */
	static ObjectNode story() {
		return (ObjectNode) Caller.json("""
				{"work_item_type_key": "story", "name": "登录页支持扫码 Login by QR code",
				 "field_value_pairs": [
				   {"field_key": "priority", "field_value": {"value": "1"}},
				   {"field_key": "field_5c1d2e", "field_value": {"value": "option_1"}},
				   {"field_key": "field_7e8f9a", "field_value":
				     {"value": "mod_platform", "children": {"value": "mod_platform_account", "children": null}}}
				 ]}
				""");
	}

	/** An issue with its required fields and the required self-assigned role. */
	static ObjectNode issue() {
		return (ObjectNode) Caller
			.json("""
					{"work_item_type_key": "issue", "name": "支付回调超时 Payment callback times out",
					 "field_value_pairs": [
					   {"field_key": "priority", "field_value": {"value": "1"}},
					   {"field_key": "field_b4c5d6", "field_value": 1722182400000},
					   {"field_key": "role_owners", "field_value": [{"role": "operator", "owners": ["7340018273645501234"]}]}
					 ]}
					""");
	}

	/** Sets (replacing) or adds the pair for this field; the value is JSON text. */
	static ObjectNode with(ObjectNode body, String fieldKey, String valueJson) {
		JsonNode value = Caller.json(valueJson);
		ArrayNode pairs = (ArrayNode) body.get("field_value_pairs");
		for (JsonNode pair : pairs) {
			if (pair.get("field_key").asString().equals(fieldKey)) {
				((ObjectNode) pair).set("field_value", value);
				return body;
			}
		}
		ObjectNode pair = pairs.addObject();
		pair.put("field_key", fieldKey);
		pair.set("field_value", value);
		return body;
	}

	/** Adds a pair even if the field is there already. */
	static ObjectNode adding(ObjectNode body, String fieldKey, String valueJson) {
		ObjectNode pair = ((ArrayNode) body.get("field_value_pairs")).addObject();
		pair.put("field_key", fieldKey);
		pair.set("field_value", Caller.json(valueJson));
		return body;
	}

	static ObjectNode without(ObjectNode body, String fieldKey) {
		ArrayNode pairs = (ArrayNode) body.get("field_value_pairs");
		for (int i = 0; i < pairs.size(); i++) {
			if (pairs.get(i).get("field_key").asString().equals(fieldKey)) {
				pairs.remove(i);
				return body;
			}
		}
		return body;
	}

}
