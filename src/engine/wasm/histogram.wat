;; The histogram kernel of the engine (src/engine/histogram/histogram.ts, accumulateHistogram),
;; in WebAssembly with SIMD. Assembled from this file by `npm install` (scripts/build-wasm.mjs,
;; with wabt) into histogram-wasm.generated.ts; nothing prebuilt is fetched or committed.
;;
;; Memory (shared, imported) holds the binned matrix (column-major Uint8 bins), the node's row
;; indices (i32), its gathered gradient pairs (f64 g, f64 h interleaved, 16 bytes a row) and the
;; histogram (f64 sum of gradients, sum of hessians, row count: 24 bytes a bin). All pointers are
;; byte offsets into that memory. Every bin sums its rows in row order, one addition at a time,
;; as the TypeScript kernel does, so the histograms are identical bit for bit; f64x2.add adds the
;; gradient and the hessian of a bin in one instruction (two IEEE additions).
(module
  (memory (import "env" "memory") 1 65536 shared)

  ;; One feature: column bins at $c, histogram of the feature at $h; n rows from $rows.
  (func (export "acc1")
    (param $c i32) (param $h i32) (param $rows i32) (param $pairs i32) (param $n i32)
    (local $a i32) (local $end i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
      (loop $next
        (local.set $a (i32.add (local.get $h)
          (i32.mul (i32.load8_u (i32.add (local.get $c) (i32.load (local.get $rows))))
                   (i32.const 24))))
        (v128.store (local.get $a)
          (f64x2.add (v128.load (local.get $a)) (v128.load (local.get $pairs))))
        (f64.store offset=16 (local.get $a)
          (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (local.set $pairs (i32.add (local.get $pairs) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $rows) (local.get $end))))))

  ;; Four features per pass over the rows: the row index and gradient pair are loaded once.
  (func (export "acc4")
    (param $c0 i32) (param $h0 i32) (param $c1 i32) (param $h1 i32)
    (param $c2 i32) (param $h2 i32) (param $c3 i32) (param $h3 i32)
    (param $rows i32) (param $pairs i32) (param $n i32)
    (local $r i32) (local $gh v128) (local $a i32) (local $end i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
      (loop $next
        (local.set $r (i32.load (local.get $rows)))
        (local.set $gh (v128.load (local.get $pairs)))
        (local.set $a (i32.add (local.get $h0)
          (i32.mul (i32.load8_u (i32.add (local.get $c0) (local.get $r))) (i32.const 24))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $gh)))
        (f64.store offset=16 (local.get $a)
          (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))
        (local.set $a (i32.add (local.get $h1)
          (i32.mul (i32.load8_u (i32.add (local.get $c1) (local.get $r))) (i32.const 24))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $gh)))
        (f64.store offset=16 (local.get $a)
          (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))
        (local.set $a (i32.add (local.get $h2)
          (i32.mul (i32.load8_u (i32.add (local.get $c2) (local.get $r))) (i32.const 24))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $gh)))
        (f64.store offset=16 (local.get $a)
          (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))
        (local.set $a (i32.add (local.get $h3)
          (i32.mul (i32.load8_u (i32.add (local.get $c3) (local.get $r))) (i32.const 24))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $gh)))
        (f64.store offset=16 (local.get $a)
          (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (local.set $pairs (i32.add (local.get $pairs) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $rows) (local.get $end))))))
;; out = parent − child over `bytes` bytes (a multiple of 8): two f64 subtractions per
  ;; instruction, then the last one alone. Used for the larger child's histogram (in place).
  (func (export "sub") (param $out i32) (param $parent i32) (param $child i32) (param $bytes i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.and (local.get $bytes) (i32.const -16))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (v128.store (local.get $out)
          (f64x2.sub (v128.load (local.get $parent)) (v128.load (local.get $child))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $parent (i32.add (local.get $parent) (i32.const 16)))
        (local.set $child (i32.add (local.get $child) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end)))))
    (if (i32.and (local.get $bytes) (i32.const 8))
      (then
        (f64.store (local.get $out)
          (f64.sub (f64.load (local.get $parent)) (f64.load (local.get $child)))))))
)
