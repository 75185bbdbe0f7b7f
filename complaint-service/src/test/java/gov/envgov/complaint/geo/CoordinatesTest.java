package gov.envgov.complaint.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void gcj02IsOffsetByHundredsOfMetresInPanjinAndConvertsBack() {
        Coordinates.Point gcj = Coordinates.wgs84ToGcj02(122.07, 41.12);
        assertThat(Math.abs(gcj.longitude() - 122.07) + Math.abs(gcj.latitude() - 41.12)).isGreaterThan(0.003);
        Coordinates.Point back = Coordinates.toWgs84("gcj02", gcj.longitude(), gcj.latitude());
        assertThat(back.longitude()).isCloseTo(122.07, within(1e-7));
        assertThat(back.latitude()).isCloseTo(41.12, within(1e-7));
    }

    @Test
    void bd09GoesThroughGcj02() {
        Coordinates.Point gcj = Coordinates.wgs84ToGcj02(122.07, 41.12);
        Coordinates.Point bd = Coordinates.gcj02ToBd09(gcj.longitude(), gcj.latitude());
        Coordinates.Point back = Coordinates.toWgs84("BD09", bd.longitude(), bd.latitude());
        assertThat(back.longitude()).isCloseTo(122.07, within(1e-5));
        assertThat(back.latitude()).isCloseTo(41.12, within(1e-5));
    }

    @Test
    void outsideChinaNothingMoves() {
        assertThat(Coordinates.wgs84ToGcj02(2.35, 48.85)).isEqualTo(new Coordinates.Point(2.35, 48.85));
    }
}
