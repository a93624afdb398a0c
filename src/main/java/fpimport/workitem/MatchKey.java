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
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	/** Whether two texts match. */
	public static boolean matches(String a, String b) {
		return of(a).equals(of(b));
	}

}
