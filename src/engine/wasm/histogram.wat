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
;; Split finding over one feature's histogram (find-split.ts, scanSplits' plain case: no L1
  ;; soft-thresholding difference, no monotone bound): every threshold forward with missing values
  ;; right, then, when the node has missing values, backward with them left; the same arithmetic
  ;; in the same order, and the same float32 comparison of gains, as the TypeScript loop. The
  ;; best candidate so far is kept in this instance's globals (each thread has its own instance);
  ;; returns 1 when a candidate of this feature beat it.
  (global $found (export "found") (mut i32) (i32.const 0))
  (global $bestGain (export "bestGain") (mut f64) (f64.const 0))
  (global $bestBin (export "bestBin") (mut i32) (i32.const 0))
  (global $bestDefaultLeft (export "bestDefaultLeft") (mut i32) (i32.const 0))
  (global $bestGl (export "bestGl") (mut f64) (f64.const 0))
  (global $bestHl (export "bestHl") (mut f64) (f64.const 0))
  (global $bestCl (export "bestCl") (mut f64) (f64.const 0))

  (func (export "scan")
    (param $h i32) (param $valueBins i32) (param $hasMissing i32)
    (param $G f64) (param $H f64) (param $C f64)
    (param $l1 f64) (param $l2 f64) (param $mcw f64) (param $mdl f64)
    (param $parentScore f64) (param $threshold f64)
    (result i32)
    (local $t i32) (local $last i32) (local $at i32) (local $improved i32)
    (local $g f64) (local $hh f64) (local $c f64)
    (local $cg f64) (local $ch f64) (local $cc f64)
    (local $gl f64) (local $hl f64) (local $cl f64)
    (local $gr f64) (local $hr f64) (local $cr f64) (local $gain f64) (local $tx f64)
    ;; Forward: thresholds 1 … valueBins (with missing values) or valueBins − 1.
    (local.set $last (i32.sub (local.get $valueBins) (i32.eqz (local.get $hasMissing))))
    (local.set $t (i32.const 1))
    (block $forwardDone
      (loop $forward
        (br_if $forwardDone (i32.gt_s (local.get $t) (local.get $last)))
        (block $skip
          (local.set $at (i32.add (local.get $h) (i32.mul (local.get $t) (i32.const 24))))
          (local.set $g (f64.load (local.get $at)))
          (local.set $hh (f64.load offset=8 (local.get $at)))
          (local.set $c (f64.load offset=16 (local.get $at)))
          ;; An empty bin repeats the previous candidate, which wins the tie: skipped.
          (br_if $skip (i32.and (f64.eq (local.get $c) (f64.const 0))
            (i32.and (f64.eq (local.get $g) (f64.const 0)) (f64.eq (local.get $hh) (f64.const 0)))))
          (local.set $cg (f64.add (local.get $cg) (local.get $g)))
          (local.set $ch (f64.add (local.get $ch) (local.get $hh)))
          (local.set $cc (f64.add (local.get $cc) (local.get $c)))
          (local.set $gr (f64.sub (local.get $G) (local.get $cg)))
          (local.set $hr (f64.sub (local.get $H) (local.get $ch)))
          (local.set $cr (f64.sub (local.get $C) (local.get $cc)))
          (br_if $skip (f64.lt (local.get $ch) (local.get $mcw)))
          (br_if $skip (f64.lt (local.get $hr) (local.get $mcw)))
          (br_if $skip (f64.lt (local.get $cc) (local.get $mdl)))
          (br_if $skip (f64.lt (local.get $cr) (local.get $mdl)))
          (br_if $skip (f64.eq (local.get $cc) (f64.const 0)))
          (br_if $skip (f64.eq (local.get $cr) (f64.const 0)))
          (local.set $gain (f64.sub
            (f64.add
              (f64.div (f64.mul (local.tee $tx (if (result f64) (f64.gt (local.get $cg) (local.get $l1))
                (then (f64.sub (local.get $cg) (local.get $l1)))
                (else (if (result f64) (f64.lt (local.get $cg) (f64.neg (local.get $l1)))
                  (then (f64.add (local.get $cg) (local.get $l1)))
                  (else (f64.const 0)))))) (local.get $tx))
                       (f64.add (local.get $ch) (local.get $l2)))
              (f64.div (f64.mul (local.tee $tx (if (result f64) (f64.gt (local.get $gr) (local.get $l1))
                (then (f64.sub (local.get $gr) (local.get $l1)))
                (else (if (result f64) (f64.lt (local.get $gr) (f64.neg (local.get $l1)))
                  (then (f64.add (local.get $gr) (local.get $l1)))
                  (else (f64.const 0)))))) (local.get $tx))
                       (f64.add (local.get $hr) (local.get $l2))))
            (local.get $parentScore)))
          (br_if $skip (i32.eqz (f64.gt (local.get $gain) (local.get $threshold))))
          (if (global.get $found)
            (then (br_if $skip (i32.eqz (f32.gt (f32.demote_f64 (local.get $gain))
                                                (f32.demote_f64 (global.get $bestGain)))))))
          (global.set $found (i32.const 1))
          (global.set $bestGain (local.get $gain))
          (global.set $bestBin (local.get $t))
          (global.set $bestDefaultLeft (i32.const 0))
          (global.set $bestGl (local.get $cg))
          (global.set $bestHl (local.get $ch))
          (global.set $bestCl (local.get $cc))
          (local.set $improved (i32.const 1)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $forward)))
    (if (i32.eqz (local.get $hasMissing)) (then (return (local.get $improved))))
    ;; Backward: thresholds valueBins − 1 … 0 with missing values left; the right side grows.
    (local.set $cg (f64.const 0))
    (local.set $ch (f64.const 0))
    (local.set $cc (f64.const 0))
    (local.set $t (i32.sub (local.get $valueBins) (i32.const 1)))
    (block $backwardDone
      (loop $backward
        (br_if $backwardDone (i32.lt_s (local.get $t) (i32.const 0)))
        (block $skip
          (local.set $at (i32.add (local.get $h)
            (i32.mul (i32.add (local.get $t) (i32.const 1)) (i32.const 24))))
          (local.set $g (f64.load (local.get $at)))
          (local.set $hh (f64.load offset=8 (local.get $at)))
          (local.set $c (f64.load offset=16 (local.get $at)))
          (br_if $skip (i32.and (f64.eq (local.get $c) (f64.const 0))
            (i32.and (f64.eq (local.get $g) (f64.const 0)) (f64.eq (local.get $hh) (f64.const 0)))))
          (local.set $cg (f64.add (local.get $cg) (local.get $g)))
          (local.set $ch (f64.add (local.get $ch) (local.get $hh)))
          (local.set $cc (f64.add (local.get $cc) (local.get $c)))
          (local.set $gl (f64.sub (local.get $G) (local.get $cg)))
          (local.set $hl (f64.sub (local.get $H) (local.get $ch)))
          (local.set $cl (f64.sub (local.get $C) (local.get $cc)))
          (local.set $gr (f64.sub (local.get $G) (local.get $gl)))
          (local.set $hr (f64.sub (local.get $H) (local.get $hl)))
          (local.set $cr (f64.sub (local.get $C) (local.get $cl)))
          (br_if $skip (f64.lt (local.get $hl) (local.get $mcw)))
          (br_if $skip (f64.lt (local.get $hr) (local.get $mcw)))
          (br_if $skip (f64.lt (local.get $cl) (local.get $mdl)))
          (br_if $skip (f64.lt (local.get $cr) (local.get $mdl)))
          (br_if $skip (f64.eq (local.get $cl) (f64.const 0)))
          (br_if $skip (f64.eq (local.get $cr) (f64.const 0)))
          (local.set $gain (f64.sub
            (f64.add
              (f64.div (f64.mul (local.tee $tx (if (result f64) (f64.gt (local.get $gl) (local.get $l1))
                (then (f64.sub (local.get $gl) (local.get $l1)))
                (else (if (result f64) (f64.lt (local.get $gl) (f64.neg (local.get $l1)))
                  (then (f64.add (local.get $gl) (local.get $l1)))
                  (else (f64.const 0)))))) (local.get $tx))
                       (f64.add (local.get $hl) (local.get $l2)))
              (f64.div (f64.mul (local.tee $tx (if (result f64) (f64.gt (local.get $gr) (local.get $l1))
                (then (f64.sub (local.get $gr) (local.get $l1)))
                (else (if (result f64) (f64.lt (local.get $gr) (f64.neg (local.get $l1)))
                  (then (f64.add (local.get $gr) (local.get $l1)))
                  (else (f64.const 0)))))) (local.get $tx))
                       (f64.add (local.get $hr) (local.get $l2))))
            (local.get $parentScore)))
          (br_if $skip (i32.eqz (f64.gt (local.get $gain) (local.get $threshold))))
          (if (global.get $found)
            (then (br_if $skip (i32.eqz (f32.gt (f32.demote_f64 (local.get $gain))
                                                (f32.demote_f64 (global.get $bestGain)))))))
          (global.set $found (i32.const 1))
          (global.set $bestGain (local.get $gain))
          (global.set $bestBin (local.get $t))
          (global.set $bestDefaultLeft (i32.const 1))
          (global.set $bestGl (local.get $gl))
          (global.set $bestHl (local.get $hl))
          (global.set $bestCl (local.get $cl))
          (local.set $improved (i32.const 1)))
        (local.set $t (i32.sub (local.get $t) (i32.const 1)))
        (br $backward)))
    (local.get $improved))
;; Row by row over a row-major copy of the bins (row r's bins at $rowBins + r × $numFeatures),
  ;; for nodes holding a small share of the rows: their rows are scattered, so reading a column
  ;; per feature would touch a cache line per row and feature, while a row's bins for all the
  ;; features sit in a few lines. $table holds, per feature of the block, its index (i32) then
  ;; its histogram's byte offset from $hist (i32). Same sums, same order per bin.
  (func (export "accRows")
    (param $rowBins i32) (param $numFeatures i32) (param $table i32) (param $m i32)
    (param $hist i32) (param $rows i32) (param $pairs i32) (param $n i32)
    (local $base i32) (local $gh v128) (local $a i32) (local $t i32) (local $tEnd i32) (local $end i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $tEnd (i32.add (local.get $table) (i32.shl (local.get $m) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
      (br_if $done (i32.eqz (local.get $m)))
      (loop $nextRow
        (local.set $base (i32.add (local.get $rowBins)
          (i32.mul (i32.load (local.get $rows)) (local.get $numFeatures))))
        (local.set $gh (v128.load (local.get $pairs)))
        (local.set $t (local.get $table))
        (loop $nextFeature
          (local.set $a (i32.add (i32.add (local.get $hist) (i32.load offset=4 (local.get $t)))
            (i32.mul (i32.load8_u (i32.add (local.get $base) (i32.load (local.get $t))))
                     (i32.const 24))))
          (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $gh)))
          (f64.store offset=16 (local.get $a)
            (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))
          (local.set $t (i32.add (local.get $t) (i32.const 8)))
          (br_if $nextFeature (i32.lt_u (local.get $t) (local.get $tEnd))))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (local.set $pairs (i32.add (local.get $pairs) (i32.const 16)))
        (br_if $nextRow (i32.lt_u (local.get $rows) (local.get $end))))))
)
