import Foundation

/// Coordinates, one decimal, as the SVG writes them.
private func f(_ x: Double) -> String { String(format: "%.1f", x) }

extension SVGPlot {
  /// The SVG document: title, axes with ticks, the band, the series, and the legend.
  public func render() -> String {
    let frame = Frame(self)
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
      <title>\(Self.escape(title))</title>
      <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="white"/>
      <text x="\(f(frame.left + frame.plotWidth / 2))" y="22" text-anchor="middle" font-size="15">\(Self.escape(title))</text>

      """
    out += axes(frame)
    out += bandPolygon(frame)
    for s in series { out += marks(of: s, frame) }
    out += legend(frame)
    out += "</g>\n</svg>\n"
    return out
  }

  /// Plot area and the data-to-pixel scales.
  private struct Frame {
    let left = 70.0
    let top = 40.0
    let plotWidth: Double
    let plotHeight: Double
    let useLog: Bool
    let xMin, xMax, yMin, yMax: Double
    /// Colour-scale range of the points' colour values (finite ones).
    let colorValues: [Double]
    let cMin, cMax: Double

    init(_ plot: SVGPlot) {
      let right = 20.0
      let bottom = 60.0
      let legendWidth = 150.0
      plotWidth = plot.width - left - right - legendWidth
      plotHeight = plot.height - top - bottom
      let xs = (plot.series.flatMap { $0.points.map(\.x) } + (plot.band?.x ?? [])).filter(\.isFinite)
      let ys = (plot.series.flatMap { $0.points.map(\.y) } + (plot.band?.lower ?? []) + (plot.band?.upper ?? []))
        .filter(\.isFinite)
      useLog = plot.logX && !xs.isEmpty && xs.allSatisfy { $0 > 0 }
      (xMin, xMax) = SVGPlot.padded(useLog ? xs.map { Foundation.log10($0) } : xs)
      (yMin, yMax) = SVGPlot.padded(ys)
      colorValues = plot.series.flatMap { $0.points.compactMap(\.colorValue) }.filter(\.isFinite)
      cMin = colorValues.min() ?? 0
      cMax = colorValues.max() ?? 1
    }

    /// Horizontal pixel of an x in axis units (log10 units on a log axis).
    func axisX(_ t: Double) -> Double { left + (t - xMin) / (xMax - xMin) * plotWidth }
    func px(_ x: Double) -> Double { axisX(useLog ? Foundation.log10(x) : x) }
    func py(_ y: Double) -> Double { top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight }
  }

  private func axes(_ frame: Frame) -> String {
    let (left, top, plotWidth, plotHeight) = (frame.left, frame.top, frame.plotWidth, frame.plotHeight)
    var out = "<g class=\"axes\" stroke=\"#444\" fill=\"none\">\n"
    out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\"/>\n</g>\n"
    out += "<g class=\"ticks\" fill=\"#222\">\n"
    let xTicks = frame.useLog ? Self.logTicks(frame.xMin, frame.xMax) : Self.niceTicks(frame.xMin, frame.xMax)
    for t in xTicks {
      let x = frame.axisX(t)
      let label =
        frame.useLog ? ReportFormat.number(Foundation.pow(10, t), digits: 3) : ReportFormat.number(t, digits: 4)
      out +=
        "<line x1=\"\(f(x))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#444\"/>"
      out +=
        "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(Self.escape(label))</text>\n"
    }
    for t in Self.niceTicks(frame.yMin, frame.yMax) {
      let y = frame.py(t)
      out += "<line x1=\"\(f(left - 5))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" stroke=\"#444\"/>"
      out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\" stroke=\"#eee\"/>"
      out +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.escape(ReportFormat.number(t, digits: 4)))</text>\n"
    }
    out += "</g>\n"
    out +=
      "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">\(Self.escape(xLabel + (frame.useLog ? " (log scale)" : "")))</text>\n"
    out +=
      "<text x=\"18\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(f(top + plotHeight / 2)))\">\(Self.escape(yLabel))</text>\n"
    return out
  }

  private func bandPolygon(_ frame: Frame) -> String {
    guard let band else { return "" }
    let pairs = zip(band.x, zip(band.lower, band.upper)).filter {
      $0.0.isFinite && $0.1.0.isFinite && $0.1.1.isFinite
    }
    guard pairs.count > 1 else { return "" }
    let upper = pairs.map { "\(f(frame.px($0.0))),\(f(frame.py($0.1.1)))" }
    let lower = pairs.reversed().map { "\(f(frame.px($0.0))),\(f(frame.py($0.1.0)))" }
    return
      "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"#1f77b4\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
  }

  /// Markers or a polyline of one series.
  private func marks(of s: Series, _ frame: Frame) -> String {
    let finite = s.points.filter { $0.x.isFinite && $0.y.isFinite }
    switch s.style {
    case .points:
      var out = "<g class=\"series\" data-name=\"\(Self.escape(s.name))\">\n"
      let (cMin, cMax) = (frame.cMin, frame.cMax)
      for p in finite {
        let color = p.colorValue.map { Self.viridis(cMax > cMin ? ($0 - cMin) / (cMax - cMin) : 0.5) } ?? s.color
        out +=
          "<circle class=\"point\" cx=\"\(f(frame.px(p.x)))\" cy=\"\(f(frame.py(p.y)))\" r=\"\(f(s.radius))\" fill=\"\(color)\" fill-opacity=\"0.8\"/>\n"
      }
      return out + "</g>\n"
    case .line, .dashedLine:
      guard finite.count > 1 else { return "" }
      let dash = s.style == .dashedLine ? " stroke-dasharray=\"6 4\"" : ""
      return
        "<polyline class=\"line\" data-name=\"\(Self.escape(s.name))\" points=\"\(finite.map { "\(f(frame.px($0.x))),\(f(frame.py($0.y)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\"\(dash)/>\n"
    }
  }

  /// The legend: one row per series, the band, and the colour scale (left open: `render` closes the group).
  private func legend(_ frame: Frame) -> String {
    var ly = frame.top + 10
    let lx = frame.left + frame.plotWidth + 15
    var out = "<g class=\"legend\">\n"
    for s in series {
      switch s.style {
      case .points:
        out +=
          "<circle cx=\"\(f(lx + 6))\" cy=\"\(f(ly))\" r=\"4\" fill=\"\(colorLabel != nil && !frame.colorValues.isEmpty ? Self.viridis(0.5) : s.color)\"/>"
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
    if let colorLabel, !frame.colorValues.isEmpty {
      ly += 8
      out += "<text x=\"\(f(lx))\" y=\"\(f(ly))\">colour: \(Self.escape(colorLabel))</text>\n"
      for i in 0..<10 {
        out +=
          "<rect x=\"\(f(lx + Double(i) * 12))\" y=\"\(f(ly + 6))\" width=\"12\" height=\"10\" fill=\"\(Self.viridis(Double(i) / 9))\"/>"
      }
      out +=
        "\n<text x=\"\(f(lx))\" y=\"\(f(ly + 30))\">\(Self.escape(ReportFormat.number(frame.cMin, digits: 3)))</text>"
      out +=
        "<text x=\"\(f(lx + 120))\" y=\"\(f(ly + 30))\" text-anchor=\"end\">\(Self.escape(ReportFormat.number(frame.cMax, digits: 3)))</text>\n"
    }
    return out
  }
}
