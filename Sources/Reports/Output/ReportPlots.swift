import Expressions
import Foundation
import SymbolicRegression

/// The report's SVG figures.
public enum ReportPlots {
  /// File name (without folder) and SVG text of every plot of `report`.
  public static func all(_ report: Report) -> [(name: String, svg: String)] {
    var plots: [(String, String)] = [
      ("pareto.svg", pareto(report).render()),
      ("predicted_vs_observed.svg", predictedVsObserved(report).render()),
    ]
    for feature in report.data.features {
      plots.append(("residuals_\(fileName(feature)).svg", residuals(report, feature: feature).render()))
    }
    for feature in report.data.features where report.selectedFit.expression.contains(symbol: feature) {
      plots.append(("curve_\(fileName(feature)).svg", curve(report, feature: feature).render()))
    }
    return plots
  }

  /// A feature name made safe for a file name.
  public static func fileName(_ s: String) -> String {
    String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
  }

  static func useLog(_ values: [Double]) -> Bool {
    guard let lo = values.min(), let hi = values.max(), lo > 0 else { return false }
    return hi / lo > 20
  }

  /// Complexity vs 1 − R² on validation and test rows (all rows when the search had no validation rows).
  public static func pareto(_ report: Report) -> SVGPlot {
    let entries = report.entries
    let hasValidation = entries.contains { $0.r2Validation != nil }
    let validation = entries.map { SVGPlot.Point(x: Double($0.complexity), y: 1 - ($0.r2Validation ?? $0.r2 ?? .nan)) }
    var series = [
      SVGPlot.Series(name: hasValidation ? "validation" : "all rows", points: validation, color: "#1f77b4"),
      SVGPlot.Series(name: "", points: validation, style: .line, color: "#1f77b4"),
    ]
    series[1].name = hasValidation ? "validation front" : "front"
    if entries.contains(where: { $0.r2Test != nil }) {
      let test = entries.map { SVGPlot.Point(x: Double($0.complexity), y: 1 - ($0.r2Test ?? .nan)) }
      series.append(SVGPlot.Series(name: "test", points: test, color: "#d62728"))
      series.append(SVGPlot.Series(name: "test front", points: test, style: .dashedLine, color: "#d62728"))
    }
    let s = entries[report.selected]
    series.append(
      SVGPlot.Series(
        name: "selected",
        points: [
          SVGPlot.Point(
            x: Double(s.complexity),
            y: 1 - (s.r2Validation ?? s.r2 ?? .nan))
        ],
        color: "#2ca02c", radius: 6))
    return SVGPlot(title: "Pareto front", xLabel: "complexity (nodes)", yLabel: "1 − R²", series: series)
  }

  /// Observed vs predicted target of the selected formula, with the identity line.
  public static func predictedVsObserved(_ report: Report) -> SVGPlot {
    let fit = report.selectedFit
    let colorFeature = report.data.features.first
    let colors = colorFeature.flatMap { report.data.columns[$0] }
    let points = report.data.target.indices.map { i in
      SVGPlot.Point(x: fit.predictions[i], y: report.data.target[i], colorValue: colors?[i])
    }
    let finite = (fit.predictions + report.data.target).filter(\.isFinite)
    let lo = finite.min() ?? 0
    let hi = finite.max() ?? 1
    return SVGPlot(
      title: "Predicted vs observed", xLabel: "predicted \(report.data.targetName)",
      yLabel: "observed \(report.data.targetName)",
      series: [
        SVGPlot.Series(name: "rows", points: points),
        SVGPlot.Series(
          name: "y = x", points: [.init(x: lo, y: lo), .init(x: hi, y: hi)],
          style: .dashedLine, color: "#555555"),
      ],
      colorLabel: colors == nil ? nil : colorFeature)
  }

  /// Residuals (observed − predicted) vs one feature, coloured by another feature.
  public static func residuals(_ report: Report, feature: String) -> SVGPlot {
    let x = report.data.columns[feature] ?? []
    let fit = report.selectedFit
    let other = report.data.features.first { $0 != feature }
    let colors = other.flatMap { report.data.columns[$0] }
    let points = x.indices.map { i in
      SVGPlot.Point(x: x[i], y: report.data.target[i] - fit.predictions[i], colorValue: colors?[i])
    }
    let lo = x.min() ?? 0
    let hi = x.max() ?? 1
    return SVGPlot(
      title: "Residuals vs \(feature)", xLabel: feature, yLabel: "residual (observed − predicted)",
      series: [
        SVGPlot.Series(name: "rows", points: points),
        SVGPlot.Series(
          name: "zero", points: [.init(x: lo, y: 0), .init(x: hi, y: 0)],
          style: .dashedLine, color: "#555555"),
      ],
      logX: useLog(x), colorLabel: colors == nil ? nil : other)
  }

  /// The fitted curve vs one feature (others at their median) with its 95% confidence band, over the data points.
  public static func curve(_ report: Report, feature: String) -> SVGPlot {
    let data = report.data
    let fit = report.selectedFit
    let x = data.columns[feature] ?? []
    let log = useLog(x)
    let lo = x.min() ?? 0
    let hi = x.max() ?? 1
    let count = 120
    let grid: [Double] = (0..<count).map { i in
      let u = Double(i) / Double(count - 1)
      return log
        ? Foundation.exp(Foundation.log(lo) + u * (Foundation.log(hi) - Foundation.log(lo))) : lo + u * (hi - lo)
    }
    var columns: [String: [Double]] = [:]
    var held: [String] = []
    for (name, column) in data.columns {
      if name == feature {
        columns[name] = grid
      } else {
        let median = DataSummary.range(name: name, values: column).median
        columns[name] = Array(repeating: median, count: count)
        if fit.expression.contains(symbol: name) { held.append("\(name) = \(ReportFormat.number(median, digits: 4))") }
      }
    }
    let band = ConfidenceBand(
      expression: fit.expression, constants: fit.constants.map { ($0.name, $0.value) },
      covariance: fit.covariance, degreesOfFreedom: fit.degreesOfFreedom, columns: columns,
      rowCount: count)
    let other = data.features.first { $0 != feature }
    let colors = other.flatMap { data.columns[$0] }
    let points = x.indices.map { SVGPlot.Point(x: x[$0], y: data.target[$0], colorValue: colors?[$0]) }
    let curve = zip(grid, band.predictions).map { SVGPlot.Point(x: $0, y: $1) }
    let title =
      held.isEmpty
      ? "Fitted curve vs \(feature)" : "Fitted curve vs \(feature) (\(held.sorted().joined(separator: ", ")))"
    return SVGPlot(
      title: title, xLabel: feature, yLabel: data.targetName,
      series: [
        SVGPlot.Series(name: "observed", points: points),
        SVGPlot.Series(name: "fitted", points: curve, style: .line, color: "#d62728"),
      ],
      band: band.lower.flatMap { lower in
        band.upper.map { SVGPlot.Band(x: grid, lower: lower, upper: $0, name: "95% CI") }
      },
      logX: log, colorLabel: colors == nil ? nil : other)
  }
}
