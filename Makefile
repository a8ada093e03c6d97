# The two README commands: `make demo` (main job on the embedded default) and `make test` (whole suite).
SWIFT ?= swift
DEMO_DIR ?= notebooks-md/quick
SEED ?= 1

.PHONY: setup build demo test clean

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

clean:
	rm -rf .build out
