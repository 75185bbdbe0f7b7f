package gov.envgov.complaint.geo;

/**
 * Chinese map coordinates to WGS84. GCJ-02 (the national "Mars" offset used by AMap and Tencent maps) and BD-09
 * (Baidu's further offset) are obfuscations of WGS84 with a published forward transform; the way back is found by
 * iterating the forward transform, accurate to well below a metre inside China.
 */
public final class Coordinates {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private Coordinates() {
    }

    /** A longitude/latitude pair. */
    public record Point(double longitude, double latitude) {
    }

    public static Point toWgs84(String system, double longitude, double latitude) {
        String name = system == null ? "wgs84" : system.toLowerCase();
        return switch (name) {
            case "wgs84" -> new Point(longitude, latitude);
            case "gcj02" -> gcj02ToWgs84(longitude, latitude);
            case "bd09" -> {
                Point gcj = bd09ToGcj02(longitude, latitude);
                yield gcj02ToWgs84(gcj.longitude(), gcj.latitude());
            }
            default -> throw new IllegalArgumentException("coordinate_system must be wgs84, gcj02 or bd09");
        };
    }

    public static Point wgs84ToGcj02(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new Point(lon, lat);
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new Point(lon + dLon, lat + dLat);
    }

    /** Inverts {@link #wgs84ToGcj02} by fixed-point iteration. */
    public static Point gcj02ToWgs84(double lon, double lat) {
        double wgsLon = lon;
        double wgsLat = lat;
        for (int i = 0; i < 30; i++) {
            Point shifted = wgs84ToGcj02(wgsLon, wgsLat);
            double dLon = shifted.longitude() - lon;
            double dLat = shifted.latitude() - lat;
            wgsLon -= dLon;
            wgsLat -= dLat;
            if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) {
                break;
            }
        }
        return new Point(wgsLon, wgsLat);
    }

    public static Point gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new Point(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    public static Point bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new Point(z * Math.cos(theta), z * Math.sin(theta));
    }

    private static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
