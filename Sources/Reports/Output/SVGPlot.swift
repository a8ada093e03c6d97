import Foundation

/// A small hand-written SVG chart: scatter points (optionally coloured by a value), lines and a shaded band.
/// The output is standalone, well-formed XML that renders in browsers and on GitHub.
public struct SVGPlot: Sendable {
  /// One plotted point; `colorValue` picks its colour on the plot's colour scale.
  public struct Point: Sendable {
    public var x: Double
    public var y: Double
    public var colorValue: Double?
    public init(x: Double, y: Double, colorValue: Double? = nil) {
      self.x = x
      self.y = y
      self.colorValue = colorValue
    }
  }

  /// A named set of points drawn as markers or as a polyline.
  public struct Series: Sendable {
    public enum Style: Sendable { case points, line, dashedLine }
    public var name: String
    public var points: [Point]
    public var style: Style
    public var color: String
    /// Marker radius of `.points` series.
    public var radius: Double
    public init(name: String, points: [Point], style: Style = .points, color: String = "#1f77b4", radius: Double = 3) {
      self.name = name
      self.points = points
      self.style = style
      self.color = color
      self.radius = radius
    }
  }

  /// A shaded region between `lower` and `upper` over `x`.
  public struct Band: Sendable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var name: String
  }

  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var series: [Series]
  public var band: Band?
  /// Logarithmic x axis (only used when every x is positive).
  public var logX: Bool
  /// Name of the value that colours points (shown in the legend); nil when points are not coloured by value.
  public var colorLabel: String?
  public var width: Double = 640
  public var height: Double = 440

  public init(
    title: String, xLabel: String, yLabel: String, series: [Series], band: Band? = nil,
    logX: Bool = false, colorLabel: String? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.band = band
    self.logX = logX
    self.colorLabel = colorLabel
  }

  /// Number of point markers the SVG draws (finite points of `.points` series).
  public var markerCount: Int {
    series.filter { $0.style == .points }.reduce(0) { $0 + $1.points.filter { $0.x.isFinite && $0.y.isFinite }.count }
  }

  static func padded(_ values: [Double]) -> (Double, Double) {
    guard let lo = values.min(), let hi = values.max() else { return (0, 1) }
    if hi - lo < 1e-12 * max(1, abs(hi)) {
      return (lo - 0.5 * max(1e-9, abs(lo)), hi + 0.5 * max(1e-9, abs(hi)) + 1e-9)
    }
    let pad = (hi - lo) * 0.05
    return (lo - pad, hi + pad)
  }

  static func niceTicks(_ lo: Double, _ hi: Double) -> [Double] {
    let span = hi - lo
    guard span > 0, span.isFinite else { return [] }
    let raw = span / 5
    let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    var t = Foundation.ceil(lo / step) * step
    var ticks: [Double] = []
    while t <= hi + step * 1e-9, ticks.count < 20 {
      ticks.append(abs(t) < step * 1e-9 ? 0 : t)
      t += step
    }
    return ticks
  }

  /// Ticks (in log10 units) at 1, 2 and 5 times powers of ten.
  static func logTicks(_ lo: Double, _ hi: Double) -> [Double] {
    var ticks: [Double] = []
    var decade = Foundation.floor(lo)
    while decade <= hi, ticks.count < 40 {
      for m in [1.0, 2, 5] {
        let t = decade + Foundation.log10(m)
        if t >= lo && t <= hi { ticks.append(t) }
      }
      decade += 1
    }
    return ticks.count > 8 ? ticks.filter { abs($0 - $0.rounded()) < 1e-9 } : ticks
  }

  /// A viridis-like colour for t in [0, 1].
  static func viridis(_ t: Double) -> String {
    let anchors: [(Double, Double, Double)] = [
      (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]
    let x = min(1, max(0, t.isFinite ? t : 0.5)) * Double(anchors.count - 1)
    let i = min(anchors.count - 2, Int(x))
    let u = x - Double(i)
    let a = anchors[i]
    let b = anchors[i + 1]
    let rgb = [a.0 + (b.0 - a.0) * u, a.1 + (b.1 - a.1) * u, a.2 + (b.2 - a.2) * u].map { Int($0.rounded()) }
    return String(format: "#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
  }

  /// Escapes text for XML content and attributes.
  public static func escape(_ s: String) -> String {
    s.replacingCharacters(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])
  }
}
