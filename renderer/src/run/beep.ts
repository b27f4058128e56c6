// A short warning tone made with the Web Audio API: no sound files to ship, nothing fetched (CSP stays strict).

/**
 * Whether the runner may make a sound now: the sound setting allows it and the plan is not silent. A silent plan
 * (robbery, hostage taking) makes no sound whatever the setting: a beep could tell the suspect the alarm was pressed.
 */
export function soundAllowed(soundSetting: boolean, silentPlan: boolean): boolean {
  return soundSetting && !silentPlan;
}

export function playOverdueBeep(): void {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  try {
    const audio = new AudioContextClass();
    const start = audio.currentTime + 0.02;
    // Three short high beeps: noticeable in a noisy hall, over before anyone has to act on it.
    for (let i = 0; i < 3; i++) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'square';
      tone.frequency.value = 1046;
      const at = start + i * 0.28;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.2);
    }
    setTimeout(() => void audio.close(), 1500);
  } catch {
    // No audio device, or audio blocked: the red timer still says it.
  }
}
