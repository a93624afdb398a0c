package fpimport.emulator;

import java.util.ArrayList;
import java.util.List;

import fpimport.translation.FieldKind;
import fpimport.translation.FieldKinds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator keeps its own rules of what create writes (it must not share the client's
 * model), but the client and the emulator know the same field types: a type added to one
 * and not the other fails here.
 */
class FieldKindsAgreeTest {

	@Test
	void theClientWritesEveryTypeTheEmulatorAcceptsAndNoOther() {
		List<String> client = new ArrayList<>(FieldKinds.all().stream().map(FieldKind::typeKey).toList());
		// the client fills role_owners from roles:, never from a field entry
		client.add("role_owners");
		assertThat(client).containsExactlyInAnyOrderElementsOf(SpaceFixture.WRITABLE_TYPES);
	}

}
