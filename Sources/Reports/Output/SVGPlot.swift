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
    public init(x: [Double], lower: [Double], upper: [Double], name: String) {
      self.x = x
      self.lower = lower
      self.upper = upper
      self.name = name
    }
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

  /// The SVG document.
  public func render() -> String {
    let left = 70.0
    let right = 20.0
    let top = 40.0
    let bottom = 60.0
    let legendWidth = 150.0
    let plotWidth = width - left - right - legendWidth
    let plotHeight = height - top - bottom
    var xs = series.flatMap { $0.points.map(\.x) } + (band?.x ?? [])
    var ys = series.flatMap { $0.points.map(\.y) } + (band?.lower ?? []) + (band?.upper ?? [])
    xs = xs.filter(\.isFinite)
    ys = ys.filter(\.isFinite)
    let useLog = logX && !xs.isEmpty && xs.allSatisfy { $0 > 0 }
    let tx: (Double) -> Double = useLog ? { Foundation.log10($0) } : { $0 }
    let (xMin, xMax) = Self.padded(xs.map(tx))
    let (yMin, yMax) = Self.padded(ys)
    func px(_ x: Double) -> Double { left + (tx(x) - xMin) / (xMax - xMin) * plotWidth }
    func py(_ y: Double) -> Double { top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight }
    let colorValues = series.flatMap { $0.points.compactMap(\.colorValue) }.filter(\.isFinite)
    let cMin = colorValues.min() ?? 0
    let cMax = colorValues.max() ?? 1

    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
      <title>\(Self.escape(title))</title>
      <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="white"/>
      <text x="\(f(left + plotWidth / 2))" y="22" text-anchor="middle" font-size="15">\(Self.escape(title))</text>

      """
    // Axes and ticks.
    out += "<g class=\"axes\" stroke=\"#444\" fill=\"none\">\n"
    out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\"/>\n</g>\n"
    out += "<g class=\"ticks\" fill=\"#222\">\n"
    let xTicks = useLog ? Self.logTicks(xMin, xMax) : Self.niceTicks(xMin, xMax)
    for t in xTicks {
      let x = left + (t - xMin) / (xMax - xMin) * plotWidth
      let label = useLog ? ReportFormat.number(Foundation.pow(10, t), digits: 3) : ReportFormat.number(t, digits: 4)
      out +=
        "<line x1=\"\(f(x))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#444\"/>"
      out +=
        "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(Self.escape(label))</text>\n"
    }
    for t in Self.niceTicks(yMin, yMax) {
      let y = py(t)
      out += "<line x1=\"\(f(left - 5))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" stroke=\"#444\"/>"
      out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\" stroke=\"#eee\"/>"
      out +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.escape(ReportFormat.number(t, digits: 4)))</text>\n"
    }
    out += "</g>\n"
    out +=
      "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">\(Self.escape(xLabel + (useLog ? " (log scale)" : "")))</text>\n"
    out +=
      "<text x=\"18\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(f(top + plotHeight / 2)))\">\(Self.escape(yLabel))</text>\n"

    if let band {
      let pairs = zip(band.x, zip(band.lower, band.upper)).filter {
        $0.0.isFinite && $0.1.0.isFinite && $0.1.1.isFinite
      }
      if pairs.count > 1 {
        let upper = pairs.map { "\(f(px($0.0))),\(f(py($0.1.1)))" }
        let lower = pairs.reversed().map { "\(f(px($0.0))),\(f(py($0.1.0)))" }
        out +=
          "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"#1f77b4\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
      }
    }
    for s in series {
      let finite = s.points.filter { $0.x.isFinite && $0.y.isFinite }
      switch s.style {
      case .points:
        out += "<g class=\"series\" data-name=\"\(Self.escape(s.name))\">\n"
        for p in finite {
          let color = p.colorValue.map { Self.viridis(cMax > cMin ? ($0 - cMin) / (cMax - cMin) : 0.5) } ?? s.color
          out +=
            "<circle class=\"point\" cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"\(f(s.radius))\" fill=\"\(color)\" fill-opacity=\"0.8\"/>\n"
        }
        out += "</g>\n"
      case .line, .dashedLine:
        guard finite.count > 1 else { continue }
        let dash = s.style == .dashedLine ? " stroke-dasharray=\"6 4\"" : ""
        out +=
          "<polyline class=\"line\" data-name=\"\(Self.escape(s.name))\" points=\"\(finite.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\"\(dash)/>\n"
      }
    }
    // Legend.
    var ly = top + 10
    let lx = left + plotWidth + 15
    out += "<g class=\"legend\">\n"
    for s in series {
      switch s.style {
      case .points:
        out +=
          "<circle cx=\"\(f(lx + 6))\" cy=\"\(f(ly))\" r=\"4\" fill=\"\(colorLabel != nil && !colorValues.isEmpty ? Self.viridis(0.5) : s.color)\"/>"
      case .line, .dashedLine:
        out +=
          "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 14))\" y2=\"\(f(ly))\" stroke=\"\(s.color)\" stroke-width=\"2\"\(s.style == .dashedLine ? " stroke-dasharray=\"4 3\"" : "")/>"
      }
      out += "<text x=\"\(f(lx + 20))\" y=\"\(f(ly + 4))\">\(Self.escape(s.name))</text>\n"
      ly += 18
    }
    if let band {
      out +=
        "<rect x=\"\(f(lx))\" y=\"\(f(ly - 6))\" width=\"14\" height=\"12\" fill=\"#1f77b4\" fill-opacity=\"0.18\"/>"
      out += "<text x=\"\(f(lx + 20))\" y=\"\(f(ly + 4))\">\(Self.escape(band.name))</text>\n"
      ly += 18
    }
    if let colorLabel, !colorValues.isEmpty {
      ly += 8
      out += "<text x=\"\(f(lx))\" y=\"\(f(ly))\">colour: \(Self.escape(colorLabel))</text>\n"
      for i in 0..<10 {
        out +=
          "<rect x=\"\(f(lx + Double(i) * 12))\" y=\"\(f(ly + 6))\" width=\"12\" height=\"10\" fill=\"\(Self.viridis(Double(i) / 9))\"/>"
      }
      out += "\n<text x=\"\(f(lx))\" y=\"\(f(ly + 30))\">\(Self.escape(ReportFormat.number(cMin, digits: 3)))</text>"
      out +=
        "<text x=\"\(f(lx + 120))\" y=\"\(f(ly + 30))\" text-anchor=\"end\">\(Self.escape(ReportFormat.number(cMax, digits: 3)))</text>\n"
    }
    out += "</g>\n</svg>\n"
    return out
  }

  private func f(_ x: Double) -> String { String(format: "%.1f", x) }

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
