"""JAX peer of `mtl-bench throughput` (jit-compiled training steps, optax Adam), same models and data as mtl_torch.py.

bilstm-2fc: frozen 300-d window vectors -> BiLSTM(300) (input projections of all 7 steps in one product, then the
  recurrence with lax.scan; both directions over the whole window, as nn.LSTM) -> out[:, -1, :] -> 600->256->128
  (shared, linear) -> per task 128->64->5.
window-mlp: trainable 64-d embeddings (dense Adam on the table: optax has no lazy Adam) -> 448->256 ReLU -> 256->5.
One optax state for the shared parameters and one per head, so each head counts only its own steps, as torch.optim.Adam.

Usage: python mtl_jax.py --model bilstm-2fc --threads 1   (prints one JSON line; see mtl_common.py)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mtl_common as common  # noqa: E402


def configure_threads(threads: int, copy_index: int):
    """Must run before jax is imported: one thread = no Eigen thread pool; fewer threads than cores = CPU affinity
    (copy k of --copies on its own cores)."""
    if threads == 1:
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                                   " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
    cpus = sorted(os.sched_getaffinity(0))
    if threads < len(cpus):
        first = (copy_index * threads) % len(cpus)
        os.sched_setaffinity(0, (cpus + cpus)[first:first + threads])
    os.environ.setdefault("JAX_PLATFORMS", "cpu")


def main():
    args = common.parse_args("JAX")
    if args.copies > 1:
        import json
        rec = common.run_copies(args, os.path.abspath(__file__))
        print(json.dumps(rec), flush=True)
        return
    configure_threads(args.threads, args.copy_index)
    import jax
    import jax.numpy as jnp
    import numpy as np
    import optax

    key = jax.random.PRNGKey(args.seed)

    def uniform(k, shape, fan_in):
        bound = 1.0 / np.sqrt(fan_in)
        return jax.random.uniform(k, shape, jnp.float32, -bound, bound)

    def linear(k, i, o):
        k1, k2 = jax.random.split(k)
        return {"w": uniform(k1, (i, o), i), "b": uniform(k2, (o,), i)}

    keys = iter(jax.random.split(key, 32))
    tasks = args.tasks
    if args.model == "bilstm-2fc":
        table = jax.random.normal(next(keys), (args.vocab, 300)) * 0.1
        table = table.at[0].set(0.0)

        def lstm_params(k):
            k1, k2, k3 = jax.random.split(k, 3)
            return {"wih": uniform(k1, (300, 1200), 300), "whh": uniform(k2, (300, 1200), 300),
                    "b": uniform(k3, (1200,), 300)}

        shared = {"fwd": lstm_params(next(keys)), "bwd": lstm_params(next(keys)),
                  "fc1": linear(next(keys), 600, 256), "fc2": linear(next(keys), 256, 128)}
        heads = [{"l1": linear(next(keys), 128, 64), "l2": linear(next(keys), 64, common.CLASSES)} for _ in range(tasks)]
        last_step_only = args.variant != "paper"

        def direction(p, xs):
            # xs: time-major (steps, batch, 300); returns the hidden states of every step.
            pre = xs @ p["wih"] + p["b"]

            def cell(carry, pre_t):
                h, c = carry
                z = pre_t + h @ p["whh"]
                i, f, g, o = jnp.split(z, 4, axis=-1)
                c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
                h = jax.nn.sigmoid(o) * jnp.tanh(c)
                return (h, c), h

            zeros = jnp.zeros((xs.shape[1], 300), jnp.float32)
            _, hs = jax.lax.scan(cell, (zeros, zeros), pre)
            return hs

        def features(sh, fixed, ids):
            xs = jnp.transpose(jnp.take(fixed, ids, axis=0), (1, 0, 2))
            forward = direction(sh["fwd"], xs)[-1]
            if last_step_only:
                backward = direction(sh["bwd"], xs[-1:])[0]
            else:
                backward = direction(sh["bwd"], xs[::-1])[0]  # the backward direction's output at the last position
            h = jnp.concatenate([forward, backward], axis=1)
            h = h @ sh["fc1"]["w"] + sh["fc1"]["b"]
            return h @ sh["fc2"]["w"] + sh["fc2"]["b"]

        def head(hp, h):
            h = h @ hp["l1"]["w"] + hp["l1"]["b"]
            return h @ hp["l2"]["w"] + hp["l2"]["b"]
    else:
        table = jnp.zeros((1,), jnp.float32)  # unused
        shared = {"emb": jax.random.normal(next(keys), (args.vocab, 64)) * 0.1,
                  "fc": linear(next(keys), common.WINDOW * 64, 256)}
        heads = [linear(next(keys), 256, common.CLASSES) for _ in range(tasks)]

        def features(sh, fixed, ids):
            x = jnp.take(sh["emb"], ids, axis=0).reshape(ids.shape[0], -1)
            return jax.nn.relu(x @ sh["fc"]["w"] + sh["fc"]["b"])

        def head(hp, h):
            return h @ hp["w"] + hp["b"]

    opt = optax.adam(1e-3)

    def loss_fn(sh, hp, fixed, ids, labels):
        logits = head(hp, features(sh, fixed, ids))
        return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()

    @jax.jit
    def train_step(sh, hp, sh_state, hp_state, fixed, ids, labels):
        loss, (g_sh, g_hp) = jax.value_and_grad(loss_fn, argnums=(0, 1))(sh, hp, fixed, ids, labels)
        u_sh, sh_state = opt.update(g_sh, sh_state, sh)
        u_hp, hp_state = opt.update(g_hp, hp_state, hp)
        return optax.apply_updates(sh, u_sh), optax.apply_updates(hp, u_hp), sh_state, hp_state, loss

    state = {"shared": shared, "heads": heads, "shared_opt": opt.init(shared),
             "head_opt": [opt.init(h) for h in heads]}

    def step(task, ids, labels):
        sh, hp, s1, s2, _ = train_step(state["shared"], state["heads"][task], state["shared_opt"],
                                       state["head_opt"][task], table, jnp.asarray(ids), jnp.asarray(labels))
        state["shared"], state["shared_opt"] = sh, s1
        state["heads"][task], state["head_opt"][task] = hp, s2

    def sync():
        jax.block_until_ready(state["shared"])

    rates = common.measure(args, step, sync)
    common.report("JAX", jax.__version__, args, rates)


if __name__ == "__main__":
    main()
