# The two README commands: `make demo` (main job on the embedded default) and `make test` (whole suite).
SWIFT ?= swift
DEMO_DIR ?= notebooks-md/quick
SEED ?= 1

.PHONY: setup build demo test format format-check clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release

# Simulate the embedded quick grid, then search formulas on its per-repetition results and write a report.
demo: build
	mkdir -p out
	$(SWIFT) run -c release simulate --config simulator/quick.json --out out/quick-results.csv \
	  --reps-out out/quick-reps.csv --seed $(SEED) --resume
	$(SWIFT) run -c release fit-formulas out/quick-reps.csv --target fscore --features T,n,AMI \
	  --seed $(SEED) --max-evals 200000 --report $(DEMO_DIR)

test: setup
	$(SWIFT) test -c release

# One formatter config (.swift-format: swift-format's defaults, 120 columns); CI checks it.
FORMAT_PATHS = Package.swift Sources Tests benchmarks/Package.swift benchmarks/Sources

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	$(SWIFT) format lint --strict --recursive $(FORMAT_PATHS)

clean:
	rm -rf .build out
