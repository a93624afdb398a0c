package fpimport.workitem;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which names are compared: headers, field and option labels, people's names.
 * Two texts match when their keys are equal, so matching ignores surrounding spaces,
 * letter case and full-width/half-width differences (NFKC).
 */
public final class MatchKey {

	private MatchKey() {
	}

	/** The key of a text; {@code null} gives the empty key. */
	public static String of(String text) {
		if (text == null) {
			return "";
		}
		String key = REMEMBERED.get(text);
		if (key != null) {
			return key;
		}
		key = ascii(text) ? text.strip().toLowerCase(Locale.ROOT)
				: Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		if (text.length() <= REMEMBERED_LENGTH && REMEMBERED.size() < REMEMBERED_TEXTS) {
			// the first texts seen: option labels, people, a column's few values
			REMEMBERED.put(text, key);
		}
		return key;
	}

	/**
	 * The keys of the first short texts asked for: the same option labels, people and
	 * values are compared for every row of a file, and NFKC is the costly part of
	 * matching them. Full, it takes no more (emptying it would cost more than it saves).
	 */
	private static final java.util.Map<String, String> REMEMBERED = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int REMEMBERED_TEXTS = 8192;

	private static final int REMEMBERED_LENGTH = 80;

	/** NFKC leaves ASCII as it is. */
	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/** Whether two texts match. */
	public static boolean matches(String a, String b) {
		return of(a).equals(of(b));
	}

}
