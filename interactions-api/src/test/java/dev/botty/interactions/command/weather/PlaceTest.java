package dev.botty.interactions.command.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A place carried in an autocomplete choice's value, and back. */
class PlaceTest {
    @Test
    void carriesCoordinatesAndLabelInTheChoiceValue() {
        Place berlin = Place.of("Berlin, Land Berlin, Germany", 52.52437, 13.41053);
        assertEquals("geo:52.52437,13.41053:Berlin, Land Berlin, Germany", berlin.toChoiceValue());
        assertEquals(Optional.of(berlin), Place.fromChoiceValue(berlin.toChoiceValue()));
    }

    @Test
    void writesCoordinatesWithAtMostFiveDecimals() {
        Place place = Place.of("Somewhere", -33.868819999, 151.2);
        assertEquals("-33.86882", place.latitude());
        assertEquals("151.2", place.longitude());
    }

    @Test
    void keepsTheValueWithinDiscordsLimit() {
        Place longName = Place.of("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Wales, United Kingdom of Great Britain",
                53.22284, -4.19962);
        String value = longName.toChoiceValue();
        assertEquals(Place.MAX_VALUE, value.length());
        assertTrue(value.endsWith("…"));
        Place back = Place.fromChoiceValue(value).orElseThrow();
        assertEquals("53.22284", back.latitude());
        assertEquals("-4.19962", back.longitude());
    }

    @Test
    void treatsAnythingElseAsAPlaceName() {
        for (String typed : new String[] {"Berlin", "geo:", "geo:52.5", "geo:abc,def:Nowhere", "geo:91,0:North of north",
                "geo:0,181:Off the map", "52.52437,13.41053", "Paris, France"}) {
            assertEquals(Optional.empty(), Place.fromChoiceValue(typed), typed);
        }
    }

    @Test
    void labelsBareCoordinatesWithThemselves() {
        assertEquals("48.85341, 2.3488", Place.fromChoiceValue("geo:48.85341,2.3488:").orElseThrow().label());
    }
}
