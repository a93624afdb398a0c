package fpimport.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointTest {

	private static final Endpoint ITEM = new Endpoint("PUT", "/open_api/:project_key/work_item/:type/:id");

	@Test
	void unreservedCharactersStayAndEveryOtherByteIsPercentEncoded() {
		assertThat(ITEM.path("azAZ09-._~", "story", "1")).isEqualTo("/open_api/azAZ09-._~/work_item/story/1");
		// the neighbours of each unreserved range are encoded: ` { @ [ / : and space
		assertThat(ITEM.path("`{@[/: ", "a", "1")).isEqualTo("/open_api/%60%7B%40%5B%2F%3A%20/work_item/a/1");
		assertThat(ITEM.path("需求", "a+b", "1")).isEqualTo("/open_api/%E9%9C%80%E6%B1%82/work_item/a%2Bb/1");
	}

	@Test
	void theValuesMustMatchThePlaceholders() {
		assertThatIllegalArgumentException().isThrownBy(() -> ITEM.path("p", "story"))
			.withMessageContaining("too few values");
		assertThatIllegalArgumentException().isThrownBy(() -> ITEM.path("p", "story", "1", "2"))
			.withMessageContaining("too many values");
		assertThatIllegalArgumentException().isThrownBy(() -> ITEM.path("p", " ", "1"))
			.withMessageContaining("blank value for :type");
		assertThat(ITEM.describe()).isEqualTo("PUT /open_api/:project_key/work_item/:type/:id");
	}

}
