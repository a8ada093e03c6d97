import ArgumentParser
import Foundation
import TaskSimulator

/// `simulate tasks`: writes the task files of every grid point.
struct Tasks: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write CoNLL task files and a manifest for every grid point and repetition.",
    discussion: "Each point and repetition gets a folder <out-dir>/<point>-rep<r>/ with main.{train,dev,test}.conll, "
      + "aux<k>.train.conll (token, main gold tag, this task's tag) and manifest.json; <out-dir>/index.json lists them."
  )

  @OptionGroup var grid: GridOptions

  @Option(name: .customLong("out-dir"), help: "Folder to write the task folders into.")
  var outDir: String

  func run() throws {
    let config = try grid.load()
    let corpus = try config.corpus.load()
    let root = URL(fileURLWithPath: outDir)
    let written = try TaskFileWriter.writeGrid(config, corpus: corpus, to: root)
    print("wrote \(written) task families (\(config.points.count) points) to \(root.path)")
  }
}
